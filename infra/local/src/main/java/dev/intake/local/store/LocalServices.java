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
    private final SqliteJobStore jobs;
    private final SqliteRunStore runs;
    private final SqliteDestinationStore destinations;
    private final LocalJobSchedules schedules;
    private final SqliteProcessedEvents processedEvents;
    private final SqlitePendingFiles pendingFiles;

    private LocalServices(StateDirectory directory, SqliteDatabase database, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.objects = new FolderObjectStore(directory.buckets(), clock);
        this.mailer = new OutboxMailer(directory.outbox(), clock, SENDER,
                RefusedRecipients.listedIn(directory.refusedRecipients()));
        this.jobs = new SqliteJobStore(database);
        this.runs = new SqliteRunStore(database);
        this.destinations = new SqliteDestinationStore(database);
        this.schedules = new LocalJobSchedules(database);
        this.processedEvents = new SqliteProcessedEvents(database);
        this.pendingFiles = new SqlitePendingFiles(database);
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
        return jobs;
    }

    public SqliteRunStore runs() {
        return runs;
    }

    public SqliteDestinationStore destinations() {
        return destinations;
    }

    public LocalJobSchedules schedules() {
        return schedules;
    }

    public SqliteProcessedEvents processedEvents() {
        return processedEvents;
    }

    public SqlitePendingFiles pendingFiles() {
        return pendingFiles;
    }

    @Override
    public void close() {
        database.close();
    }
}
