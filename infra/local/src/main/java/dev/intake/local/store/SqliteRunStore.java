package dev.intake.local.store;

import dev.intake.port.ConflictException;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs in table {@code intake_runs}, their status history and notes beside. A missing run is
 * reported as a {@link ConflictException}, as a conditional write to DynamoDB reports it.
 */
public final class SqliteRunStore implements RunStore {

    private static final String COLUMNS = "id, job_id, attempt, rerun_of, trigger,"
            + " source_bucket, source_key, source_version, source_etag, source_size, status,"
            + " rows_read, rows_valid, rows_imported, rows_failed, rows_duplicates,"
            + " reason_code, reason_message, failed_records_key, execution_id, next_rerun_at";

    private final SqliteDatabase database;
    private final StatusHistoryTable history =
            new StatusHistoryTable("intake_run_status_history", "run_id");

    public SqliteRunStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Created create(Run run) {
        return database.inTransaction("creating run " + run.id(), connection -> {
            boolean created = insertRun(connection, run);
            if (created) {
                for (StatusChange change : run.history()) {
                    history.append(connection, run.id(), change);
                }
            }
            return new Created(select(connection, run.id()).orElseThrow(), created);
        });
    }

    @Override
    public Optional<Run> find(String runId) {
        return database.read("reading run " + runId, connection -> select(connection, runId));
    }

    /**
     * Newest first in the order of creation. Not by time: locally an upload runs its reruns on a
     * virtual clock, so a run made later can carry an earlier time than those reruns.
     */
    @Override
    public List<Run> listByJob(String jobId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM intake_runs WHERE job_id = ?"
                + " ORDER BY created_seq DESC LIMIT ?";
        return database.read("listing the runs of job " + jobId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, jobId);
                select.setInt(2, limit);
                return readRuns(connection, select);
            }
        });
    }

    @Override
    public Run transition(String runId, RunStatus from, RunStatus to, Instant at,
            FailureReason reason) {
        String what = "Run " + runId;
        if (!from.canMoveTo(to)) {
            throw Transitions.illegal(what, from.label(), to.label(),
                    Transitions.labels(from.next(), RunStatus::label));
        }
        return database.inTransaction("moving run " + runId + " to " + to.label(), connection -> {
            if (updateStatus(connection, runId, from, to, reason) == 0) {
                String current = select(connection, runId).map(run -> run.status().label())
                        .orElse(null);
                throw Transitions.lost(what, from.label(), to.label(), current);
            }
            String cause = reason == null ? null : reason.code();
            history.append(connection, runId, new StatusChange(to.label(), at, cause));
            return select(connection, runId).orElseThrow();
        });
    }

    @Override
    public Run recordResults(String runId, RunCounts counts, String failedRecordsKey) {
        String sql = "UPDATE intake_runs SET rows_read = ?, rows_valid = ?, rows_imported = ?,"
                + " rows_failed = ?, rows_duplicates = ?, failed_records_key = ? WHERE id = ?";
        return updateOne(runId, "recording the results of run " + runId, sql, update -> {
            update.setLong(1, counts.read());
            update.setLong(2, counts.valid());
            update.setLong(3, counts.imported());
            update.setLong(4, counts.failed());
            update.setLong(5, counts.duplicates());
            update.setString(6, failedRecordsKey);
            update.setString(7, runId);
        });
    }

    @Override
    public Run recordNextRerun(String runId, Instant nextRerunAt) {
        String sql = "UPDATE intake_runs SET next_rerun_at = ? WHERE id = ?";
        return updateOne(runId, "recording the next rerun of run " + runId, sql, update -> {
            update.setString(1, SqlTime.format(nextRerunAt));
            update.setString(2, runId);
        });
    }

    @Override
    public Run recordNote(String runId, String code, String message, Instant at) {
        String sql = "INSERT INTO intake_run_notes (run_id, seq, code, message, at)"
                + " SELECT id, (SELECT COALESCE(MAX(seq), -1) + 1 FROM intake_run_notes"
                + " WHERE run_id = ?), ?, ?, ? FROM intake_runs WHERE id = ?";
        return updateOne(runId, "recording a note on run " + runId, sql, insert -> {
            insert.setString(1, runId);
            insert.setString(2, code);
            insert.setString(3, message);
            insert.setString(4, SqlTime.format(at));
            insert.setString(5, runId);
        });
    }

    /** The notes recorded on a run, oldest first. Local only: {@link Run} does not carry them. */
    public List<RunNote> notes(String runId) {
        String sql = "SELECT code, message, at FROM intake_run_notes WHERE run_id = ? ORDER BY seq";
        return database.read("reading the notes of run " + runId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, runId);
                try (ResultSet rows = select.executeQuery()) {
                    List<RunNote> notes = new ArrayList<>();
                    while (rows.next()) {
                        notes.add(new RunNote(rows.getString(1), rows.getString(2),
                                SqlTime.parse(rows.getString(3))));
                    }
                    return notes;
                }
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Run updateOne(String runId, String what, String sql, Binder binder) {
        return database.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                binder.bind(update);
                if (update.executeUpdate() == 0) {
                    throw new ConflictException("Run " + runId + " does not exist; create it"
                            + " before recording anything on it.");
                }
            }
            return select(connection, runId).orElseThrow();
        });
    }

    private static boolean insertRun(Connection connection, Run run) throws SQLException {
        String sql = "INSERT INTO intake_runs (" + COLUMNS + ", started_at, created_seq) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT COALESCE(MAX(created_seq), 0) + 1 FROM intake_runs))"
                + " ON CONFLICT (id) DO NOTHING";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            bindRun(insert, run);
            Instant startedAt = run.history().isEmpty() ? null : run.history().get(0).at();
            insert.setString(22, SqlTime.format(startedAt));
            return insert.executeUpdate() == 1;
        }
    }

    private static void bindRun(PreparedStatement insert, Run run) throws SQLException {
        insert.setString(1, run.id());
        insert.setString(2, run.jobId());
        insert.setInt(3, run.attempt());
        insert.setString(4, run.rerunOf());
        insert.setString(5, run.trigger().name().toLowerCase(Locale.ROOT));
        bindSource(insert, run.source());
        insert.setString(11, run.status().label());
        RunCounts counts = run.counts() == null ? RunCounts.NONE : run.counts();
        insert.setLong(12, counts.read());
        insert.setLong(13, counts.valid());
        insert.setLong(14, counts.imported());
        insert.setLong(15, counts.failed());
        insert.setLong(16, counts.duplicates());
        insert.setString(17, run.reason() == null ? null : run.reason().code());
        insert.setString(18, run.reason() == null ? null : run.reason().message());
        insert.setString(19, run.failedRecordsKey());
        insert.setString(20, run.executionId());
        insert.setString(21, SqlTime.format(run.nextRerunAt()));
    }

    private static void bindSource(PreparedStatement insert, SourceObject source)
            throws SQLException {
        insert.setString(6, source == null ? null : source.bucket());
        insert.setString(7, source == null ? null : source.key());
        insert.setString(8, source == null ? null : source.version());
        insert.setString(9, source == null ? null : source.etag());
        if (source == null) {
            insert.setNull(10, Types.INTEGER);
        } else {
            insert.setLong(10, source.size());
        }
    }

    private static int updateStatus(Connection connection, String runId, RunStatus from,
            RunStatus to, FailureReason reason) throws SQLException {
        // A transition without a reason keeps the one recorded (Failed to Halted keeps why the
        // last attempt failed).
        String sql = "UPDATE intake_runs SET status = ?, reason_code = COALESCE(?, reason_code),"
                + " reason_message = COALESCE(?, reason_message) WHERE id = ? AND status = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, to.label());
            update.setString(2, reason == null ? null : reason.code());
            update.setString(3, reason == null ? null : reason.message());
            update.setString(4, runId);
            update.setString(5, from.label());
            return update.executeUpdate();
        }
    }

    private Optional<Run> select(Connection connection, String runId) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM intake_runs WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, runId);
            return readRuns(connection, select).stream().findFirst();
        }
    }

    private List<Run> readRuns(Connection connection, PreparedStatement select)
            throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                runs.add(toRun(rows, List.of()));
            }
        }
        List<Run> withHistory = new ArrayList<>(runs.size());
        for (Run run : runs) {
            withHistory.add(withHistory(run, history.list(connection, run.id())));
        }
        return withHistory;
    }

    private static Run toRun(ResultSet row, List<StatusChange> changes) throws SQLException {
        return new Run(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                Trigger.valueOf(row.getString(5).toUpperCase(Locale.ROOT)),
                toSource(row),
                RunStatus.valueOf(row.getString(11).toUpperCase(Locale.ROOT)),
                new RunCounts(row.getLong(12), row.getLong(13), row.getLong(14), row.getLong(15),
                        row.getLong(16)),
                row.getString(17) == null ? null
                        : new FailureReason(row.getString(17), row.getString(18)),
                row.getString(19), row.getString(20), SqlTime.parse(row.getString(21)), changes);
    }

    private static SourceObject toSource(ResultSet row) throws SQLException {
        if (row.getString(6) == null) {
            return null;
        }
        return new SourceObject(row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getLong(10));
    }

    private static Run withHistory(Run run, List<StatusChange> changes) {
        return new Run(run.id(), run.jobId(), run.attempt(), run.rerunOf(), run.trigger(),
                run.source(), run.status(), run.counts(), run.reason(), run.failedRecordsKey(),
                run.executionId(), run.nextRerunAt(), changes);
    }
}
