package dev.intake.local.serve;

import dev.intake.local.store.SqlitePendingFiles;
import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import java.util.List;
import java.util.Objects;

/** The {@link PendingFiles} port over the SQLite table of the local stores. */
public final class LocalPendingFiles implements PendingFiles {

    private final SqlitePendingFiles table;

    public LocalPendingFiles(SqlitePendingFiles table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void add(String jobId, PendingFile file) {
        table.add(jobId, file.object(), file.arrivedAt());
    }

    @Override
    public List<PendingFile> list(String jobId) {
        return table.list(jobId).stream()
                .map(row -> new PendingFile(row.source(), row.arrivedAt()))
                .toList();
    }

    @Override
    public void remove(String jobId, SourceObject object) {
        table.list(jobId).stream()
                .filter(row -> row.source().equals(object))
                .forEach(row -> table.remove(row.sequence()));
    }
}
