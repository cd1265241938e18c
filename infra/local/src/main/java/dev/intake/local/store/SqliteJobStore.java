package dev.intake.local.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.JobStore;
import dev.intake.run.StatusChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Jobs in table {@code intake_jobs}, their definition as JSON, history beside. */
public final class SqliteJobStore implements JobStore {

    private static final String COLUMNS = "definition, status, status_since, version";

    private final SqliteDatabase database;
    private final StatusHistoryTable history =
            new StatusHistoryTable("intake_job_status_history", "job_id");
    // Unknown properties are skipped so that a file written before a definition field was
    // removed still opens.
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SqliteJobStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Job create(JobDefinition definition, Instant at, String cause) {
        return database.inTransaction("creating job " + definition.id(), connection -> {
            insertJob(connection, definition, at);
            history.append(connection, definition.id(),
                    new StatusChange(JobStatus.DRAFT.label(), at, cause));
            return new Job(definition, JobStatus.DRAFT, at, 1);
        });
    }

    @Override
    public Job updateDefinition(JobDefinition definition, Instant at) {
        String sql = "UPDATE intake_jobs SET definition = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ?";
        return database.inTransaction("updating job " + definition.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, toJson(definition));
                update.setString(2, SqlTime.format(at));
                update.setString(3, definition.id());
                if (update.executeUpdate() == 0) {
                    throw new ConflictException("Job " + definition.id() + " does not exist, so "
                            + "its definition cannot be updated; create it first.");
                }
            }
            return select(connection, definition.id()).orElseThrow();
        });
    }

    @Override
    public Optional<Job> find(String jobId) {
        return database.read("reading job " + jobId, connection -> select(connection, jobId));
    }

    @Override
    public List<Job> list() {
        return database.read("listing jobs", connection -> selectMany(connection,
                "SELECT " + COLUMNS + " FROM intake_jobs ORDER BY id", null));
    }

    @Override
    public List<Job> listByStatus(JobStatus status) {
        return database.read("listing " + status.label() + " jobs", connection -> selectMany(
                connection,
                "SELECT " + COLUMNS + " FROM intake_jobs WHERE status = ? ORDER BY id",
                status.label()));
    }

    @Override
    public Job transition(String jobId, JobStatus from, JobStatus to, Instant at, String cause) {
        String what = "Job " + jobId;
        if (!from.canMoveTo(to)) {
            throw Transitions.illegal(what, from.label(), to.label(),
                    Transitions.labels(from.next(), JobStatus::label));
        }
        return database.inTransaction("moving job " + jobId + " to " + to.label(), connection -> {
            if (updateStatus(connection, jobId, from, to, at) == 0) {
                String current = select(connection, jobId).map(job -> job.status().label())
                        .orElse(null);
                throw Transitions.lost(what, from.label(), to.label(), current);
            }
            history.append(connection, jobId, new StatusChange(to.label(), at, cause));
            return select(connection, jobId).orElseThrow();
        });
    }

    @Override
    public List<StatusChange> history(String jobId) {
        return database.read("reading the history of job " + jobId,
                connection -> history.list(connection, jobId));
    }

    @Override
    public void delete(String jobId) {
        database.inTransaction("deleting job " + jobId, connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM intake_jobs WHERE id = ?")) {
                delete.setString(1, jobId);
                delete.executeUpdate();
            }
            history.delete(connection, jobId);
            return null;
        });
    }

    private void insertJob(Connection connection, JobDefinition definition, Instant at)
            throws SQLException {
        String sql = "INSERT INTO intake_jobs (id, status, status_since, version, definition,"
                + " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, definition.id());
            insert.setString(2, JobStatus.DRAFT.label());
            insert.setString(3, SqlTime.format(at));
            insert.setString(4, toJson(definition));
            insert.setString(5, SqlTime.format(at));
            insert.setString(6, SqlTime.format(at));
            if (insert.executeUpdate() == 0) {
                throw new ConflictException("Job " + definition.id() + " exists already; choose"
                        + " another id or update the existing job's definition.");
            }
        }
    }

    private static int updateStatus(Connection connection, String jobId, JobStatus from,
            JobStatus to, Instant at) throws SQLException {
        String sql = "UPDATE intake_jobs SET status = ?, status_since = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND status = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, to.label());
            update.setString(2, SqlTime.format(at));
            update.setString(3, SqlTime.format(at));
            update.setString(4, jobId);
            update.setString(5, from.label());
            return update.executeUpdate();
        }
    }

    private Optional<Job> select(Connection connection, String jobId) throws SQLException {
        return selectMany(connection,
                "SELECT " + COLUMNS + " FROM intake_jobs WHERE id = ?", jobId)
                .stream().findFirst();
    }

    private List<Job> selectMany(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                List<Job> jobs = new ArrayList<>();
                while (rows.next()) {
                    jobs.add(toJob(rows));
                }
                return jobs;
            }
        }
    }

    private Job toJob(ResultSet row) throws SQLException {
        return new Job(fromJson(row.getString(1)),
                JobStatus.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                SqlTime.parse(row.getString(3)),
                row.getLong(4));
    }

    private String toJson(JobDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Job definition " + definition.id()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private JobDefinition fromJson(String text) {
        try {
            return json.readValue(text, JobDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored job definition cannot be read: "
                    + e.getOriginalMessage() + ". Fix the definition column in intake_jobs"
                    + " or create the job again.", e);
        }
    }
}
