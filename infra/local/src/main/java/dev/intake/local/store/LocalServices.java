package dev.intake.local.store;

import java.time.Clock;

/**
 * Every local stand-in for AWS over one state directory, sharing one database connection. Close
 * it to close the database.
 */
public final class LocalServices implements AutoCloseable {

    /** The sender of outbox emails. */
    public static final String SENDER = "intake@localhost";

    private final StateDirectory directory;
    private final SqliteDatabase database;
    private final FolderObjectStore objects;
    private final OutboxMailer mailer;

    private LocalServices(StateDirectory directory, SqliteDatabase database, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.objects = new FolderObjectStore(directory.buckets(), clock);
        this.mailer = new OutboxMailer(directory.outbox(), clock, SENDER,
                RefusedRecipients.listedIn(directory.refusedRecipients()));
    }

    /** Opens the database in {@code directory}, creating or migrating its tables. */
    public static LocalServices open(StateDirectory directory, Clock clock) {
        return new LocalServices(directory, SqliteDatabase.open(directory.database()), clock);
    }

    public StateDirectory directory() {
        return directory;
    }

    public SqliteDatabase database() {
        return database;
    }

    public FolderObjectStore objects() {
        return objects;
    }

    public OutboxMailer mailer() {
        return mailer;
    }

    public SqliteJobStore jobs() {
        return new SqliteJobStore(database);
    }

    public SqliteRunStore runs() {
        return new SqliteRunStore(database);
    }

    public SqliteDestinationStore destinations() {
        return new SqliteDestinationStore(database);
    }

    public LocalJobSchedules schedules() {
        return new LocalJobSchedules(database);
    }

    public SqliteProcessedEvents processedEvents() {
        return new SqliteProcessedEvents(database);
    }

    public SqlitePendingFiles pendingFiles() {
        return new SqlitePendingFiles(database);
    }

    @Override
    public void close() {
        database.close();
    }
}
