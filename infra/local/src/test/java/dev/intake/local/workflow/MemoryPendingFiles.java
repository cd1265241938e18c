package dev.intake.local.workflow;

import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pending files in memory; the same object version is kept once. */
final class MemoryPendingFiles implements PendingFiles {

    private record Entry(String jobId, PendingFile file) {}

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void add(String jobId, PendingFile file) {
        remove(jobId, file.object());
        entries.add(new Entry(jobId, file));
    }

    @Override
    public synchronized List<PendingFile> list(String jobId) {
        return entries.stream()
                .filter(entry -> entry.jobId().equals(jobId))
                .map(Entry::file)
                .sorted(Comparator.comparing(PendingFile::arrivedAt))
                .toList();
    }

    @Override
    public synchronized void remove(String jobId, SourceObject object) {
        entries.removeIf(entry -> entry.jobId().equals(jobId)
                && entry.file().object().equals(object));
    }
}
