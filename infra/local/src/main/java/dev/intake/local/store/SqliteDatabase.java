package dev.intake.local.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The one SQLite file that stands in for DynamoDB: internal tables (prefix {@code intake_}) and
 * the destination tables. One connection, used by one thread at a time; another process may open
 * the same file (WAL mode lets readers such as the {@code sqlite3} CLI in while a run writes).
 *
 * <p>Commits append pages to the write-ahead log; a checkpoint copies them into the database file.
 * SQLite checkpoints in the committing thread once the log passes a size, which in a large import
 * was a fifth of the writer's time, copying pages while rows waited. Here the log may grow to
 * {@value #LOG_PAGES_BEFORE_CHECKPOINT} pages before a commit checkpoints, and
 * {@link #checkpointInBackground} copies it on a connection of its own once a large write is
 * done. Closing waits for that checkpoint.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** The schema this code writes; {@code PRAGMA user_version} holds the schema of the file. */
    static final int SCHEMA_VERSION = 2;

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** 64 Ki pages of 4 KiB: a commit checkpoints once the log holds 256 MiB. */
    static final int LOG_PAGES_BEFORE_CHECKPOINT = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ExecutorService checkpoints = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "intake-sqlite-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if absent) the database file and brings its schema up to date. */
    public static SqliteDatabase open(Path file) {
        SqliteDatabase database = new SqliteDatabase(file, connect(file));
        database.inTransaction("migrating the schema", database::migrate);
        return database;
    }

    public Path file() {
        return file;
    }

    /** Work that runs on the connection and may fail with the driver's exception. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction (BEGIN IMMEDIATE, so that two processes never
     * deadlock upgrading a read lock). Any exception rolls back. Nested calls join the outer one.
     */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        lock.lock();
        try {
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            return runInNewTransaction(work);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only {@code work}; each statement sees a consistent snapshot. */
    public <T> T read(String what, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            lock.unlock();
        }
    }

    /** What a checkpoint did: frames in the log, and how many of them are in the file now. */
    public record Checkpoint(long logFrames, long checkpointedFrames) {}

    /**
     * Copies the write-ahead log into the database file on a connection of its own, without
     * blocking this one (a passive checkpoint: it copies what no reader still needs). The future
     * gives what was copied, or null if the checkpoint failed or the database is closed: the log
     * stays and the next checkpoint copies it, so a failure is logged and nothing else.
     */
    public Future<Checkpoint> checkpointInBackground() {
        try {
            return checkpoints.submit(this::checkpoint);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Waits until the checkpoints asked for so far have run; for tests. */
    void awaitCheckpoints() throws Exception {
        checkpoints.submit(() -> { }).get();
    }

    private Checkpoint checkpoint() {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection own = DriverManager.getConnection(url);
                Statement statement = own.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return new Checkpoint(result.getLong(2), result.getLong(3));
        } catch (SQLException e) {
            LOG.warn("sqlite.checkpoint.failed database={} error={}", file, e.getMessage());
            return null;
        }
    }

    /** Waits for a checkpoint still running, then closes the connection. */
    @Override
    public void close() {
        checkpoints.shutdown();
        boolean interrupted = false;
        while (!checkpoints.isTerminated()) {
            try {
                checkpoints.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T runInNewTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private LocalStoreException failure(String what, SQLException cause) {
        return new LocalStoreException(
                "Local database " + file + " failed while " + what + ": " + cause.getMessage()
                        + ". " + advice(cause, "Check that the disk has space and no other"
                        + " program holds the file."), cause);
    }

    /** What to do about a failure: a damaged file needs moving away, not more disk space. */
    private static String advice(SQLException cause, String otherwise) {
        int code = cause.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code
                || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return "The file is not an intake database or is damaged: move it away (a new one is"
                    + " created on the next command) or choose another --state-dir.";
        }
        return otherwise;
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL with synchronous=NORMAL: a commit costs no fsync, which a batch import needs; a
        // power cut may lose the last commits but never corrupts the file.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // 32 MB of page cache (negative: KiB) keeps a million-key upsert out of the disk.
        config.setCacheSize(-32_768);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT,
                String.valueOf(LOG_PAGES_BEFORE_CHECKPOINT));
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
        } catch (SQLException e) {
            throw new LocalStoreException("Cannot open the local database " + file + ": "
                    + e.getMessage() + ". " + advice(e, "Check that its folder exists and is"
                    + " writable."), e);
        }
    }

    private Void migrate(Connection connection) throws SQLException {
        int found = userVersion(connection);
        if (found > SCHEMA_VERSION) {
            throw new LocalStoreException("Local database " + file + " has schema version "
                    + found + " but this Intake knows versions up to " + SCHEMA_VERSION
                    + "; use a newer Intake or another state directory.", null);
        }
        if (found < 1) {
            runScript(connection, "schema-v1.sql");
        }
        if (found < 2) {
            runScript(connection, "schema-v2.sql");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
        }
        return null;
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.getInt(1);
        }
    }

    /** Statements in the script end with a semicolon at the end of a line. */
    private static void runScript(Connection connection, String resource) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : readResource(resource).split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }

    private static String readResource(String name) {
        try (InputStream in = SqliteDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " beside "
                        + SqliteDatabase.class.getName() + "; the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
