package dev.intake.local.runtime;

import dev.intake.local.store.SqlitePendingFiles;
import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import java.util.List;

/** The {@link PendingFiles} port over the local pending-files table. */
final class LocalPendingFiles implements PendingFiles {

    private final SqlitePendingFiles table;

    LocalPendingFiles(SqlitePendingFiles table) {
        this.table = table;
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
