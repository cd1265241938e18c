package dev.intake.local.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * The upload events the local runtime has acted on, in table {@code intake_processed_events}, so
 * that an event delivered twice (the folder watcher and an explicit upload, or a restart) starts
 * one run. The key is the caller's: bucket, key and version of the object is the natural one.
 */
public final class SqliteProcessedEvents {

    private final SqliteDatabase database;

    public SqliteProcessedEvents(SqliteDatabase database) {
        this.database = database;
    }

    /**
     * Records the event unless it is recorded already. Returns true for the first call with a
     * key, false for every later one, also across processes sharing the state directory.
     */
    public boolean markProcessed(String eventKey, String runId, Instant at) {
        String sql = "INSERT INTO intake_processed_events (event_key, run_id, processed_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (event_key) DO NOTHING";
        return database.inTransaction("recording event " + eventKey, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, eventKey);
                insert.setString(2, runId);
                insert.setString(3, SqlTime.format(at));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** The run the first delivery of an event started, if the event was processed. */
    public Optional<String> runOf(String eventKey) {
        String sql = "SELECT run_id FROM intake_processed_events WHERE event_key = ?";
        return database.read("reading event " + eventKey, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, eventKey);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public boolean isProcessed(String eventKey) {
        String sql = "SELECT 1 FROM intake_processed_events WHERE event_key = ?";
        return database.read("reading event " + eventKey, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, eventKey);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
