package dev.intake.local.store;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each job's schedule and whether it is enabled, in table {@code intake_schedules}; the local
 * scheduler reads them. Enabling or disabling a job that has no schedule changes nothing: a job
 * that runs on uploads only has nothing to switch.
 */
public final class LocalJobSchedules implements JobSchedules {

    private static final String COLUMNS = "job_id, type, expression, at, timezone, enabled";

    private final SqliteDatabase database;

    public LocalJobSchedules(SqliteDatabase database) {
        this.database = database;
    }

    /** A job and its schedule, as {@link #list()} gives them. */
    public record Entry(String jobId, State state) {}

    @Override
    public void put(String jobId, JobDefinition.Schedule schedule) {
        String sql = "INSERT INTO intake_schedules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1)"
                + " ON CONFLICT (job_id) DO UPDATE SET type = excluded.type,"
                + " expression = excluded.expression, at = excluded.at,"
                + " timezone = excluded.timezone, enabled = 1";
        database.inTransaction("storing the schedule of job " + jobId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                upsert.setString(1, jobId);
                upsert.setString(2, schedule.type());
                upsert.setString(3, schedule.expression());
                upsert.setString(4, schedule.at());
                upsert.setString(5, schedule.timezone());
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public void disable(String jobId) {
        setEnabled(jobId, false);
    }

    @Override
    public void enable(String jobId) {
        setEnabled(jobId, true);
    }

    @Override
    public void delete(String jobId) {
        update("deleting the schedule of job " + jobId,
                "DELETE FROM intake_schedules WHERE job_id = ?", jobId);
    }

    @Override
    public Optional<State> find(String jobId) {
        String sql = "SELECT " + COLUMNS + " FROM intake_schedules WHERE job_id = ?";
        return database.read("reading the schedule of job " + jobId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, jobId);
                return readEntries(select).stream().findFirst().map(Entry::state);
            }
        });
    }

    /** Every stored schedule, enabled or not, ordered by job id. */
    public List<Entry> list() {
        String sql = "SELECT " + COLUMNS + " FROM intake_schedules ORDER BY job_id";
        return database.read("listing schedules", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                return readEntries(select);
            }
        });
    }

    private void setEnabled(String jobId, boolean enabled) {
        update((enabled ? "enabling" : "disabling") + " the schedule of job " + jobId,
                "UPDATE intake_schedules SET enabled = " + (enabled ? 1 : 0) + " WHERE job_id = ?",
                jobId);
    }

    private void update(String what, String sql, String jobId) {
        database.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, jobId);
                return update.executeUpdate();
            }
        });
    }

    private static List<Entry> readEntries(PreparedStatement select) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                JobDefinition.Schedule schedule = new JobDefinition.Schedule(rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getString(5));
                entries.add(new Entry(rows.getString(1),
                        new State(schedule, rows.getInt(6) == 1)));
            }
        }
        return entries;
    }
}
