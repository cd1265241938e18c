package dev.intake.fake;

import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link PendingFiles} in memory; lists in the order files were added. */
public final class InMemoryPendingFiles implements PendingFiles {

    private final Map<String, List<PendingFile>> byJob = new TreeMap<>();

    @Override
    public synchronized void add(String jobId, PendingFile file) {
        List<PendingFile> files = byJob.computeIfAbsent(jobId, id -> new ArrayList<>());
        if (files.stream().noneMatch(known -> known.object().equals(file.object()))) {
            files.add(file);
        }
    }

    @Override
    public synchronized List<PendingFile> list(String jobId) {
        return List.copyOf(byJob.getOrDefault(jobId, List.of()));
    }

    @Override
    public synchronized void remove(String jobId, SourceObject object) {
        byJob.getOrDefault(jobId, new ArrayList<>()).removeIf(file -> file.object().equals(object));
    }
}
