package dev.intake.local.store;

import dev.intake.run.SourceObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Files waiting for a Paused or Halted job to be reactivated, in table
 * {@code intake_pending_files}, listed in arrival order. The same object version is kept once.
 */
public final class SqlitePendingFiles {

    private final SqliteDatabase database;

    public SqlitePendingFiles(SqliteDatabase database) {
        this.database = database;
    }

    /** Keeps the file unless this version of it is pending already; returns true if added. */
    public boolean add(String jobId, SourceObject source, Instant arrivedAt) {
        String sql = "INSERT INTO intake_pending_files (job_id, source_bucket, source_key,"
                + " source_version, source_etag, source_size, arrived_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (job_id, source_bucket, source_key, source_version) DO NOTHING";
        return database.inTransaction("keeping a pending file of job " + jobId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, jobId);
                insert.setString(2, source.bucket());
                insert.setString(3, source.key());
                insert.setString(4, versionOf(source));
                insert.setString(5, source.etag());
                insert.setLong(6, source.size());
                insert.setString(7, SqlTime.format(arrivedAt));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** The job's pending files, first arrived first. */
    public List<PendingFile> list(String jobId) {
        String sql = "SELECT seq, job_id, source_bucket, source_key, source_version, source_etag,"
                + " source_size, arrived_at FROM intake_pending_files WHERE job_id = ?"
                + " ORDER BY seq";
        return database.read("listing pending files of job " + jobId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, jobId);
                try (ResultSet rows = select.executeQuery()) {
                    List<PendingFile> files = new ArrayList<>();
                    while (rows.next()) {
                        files.add(new PendingFile(rows.getLong(1), rows.getString(2),
                                new SourceObject(rows.getString(3), rows.getString(4),
                                        rows.getString(5), rows.getString(6), rows.getLong(7)),
                                SqlTime.parse(rows.getString(8))));
                    }
                    return files;
                }
            }
        });
    }

    /** Forgets a pending file once its run has started; returns false if it was gone. */
    public boolean remove(long sequence) {
        String sql = "DELETE FROM intake_pending_files WHERE seq = ?";
        return database.inTransaction("removing pending file " + sequence, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setLong(1, sequence);
                return delete.executeUpdate() == 1;
            }
        });
    }

    // An unversioned object is known by its ETag, as on S3.
    private static String versionOf(SourceObject source) {
        return source.version() != null ? source.version() : String.valueOf(source.etag());
    }
}
