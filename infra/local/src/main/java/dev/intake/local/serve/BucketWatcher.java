package dev.intake.local.serve;

import dev.intake.arrival.RunOutputs;
import dev.intake.port.ObjectStore;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.SourceObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the files that appear in the local bucket folder, by listing it at each poll. A file is
 * handed over only once it is complete: when two polls in a row see the same size and time of
 * last change (a person copying a large file into the folder is still writing it between the
 * first poll and the second). Files the stores write themselves are moved into place in one
 * step and pass the same test.
 *
 * <p>Each version of a key is handed over once per process. Files already in the folder when
 * serving starts are handed over too, so that one dropped while nothing was watching is not
 * forgotten; their runs, if any, exist already, and the run starter starts nothing twice.
 * Polling rather than a WatchService: it sees the same on every file system (a WatchService
 * misses events on some mounted folders), and a one-second period costs one directory walk.
 * The objects runs write (staging, failed records) are not watched: they are never imported.
 *
 * <p>SHORTCUT: each poll lists the whole bucket, staging objects included, and filters them
 * out; the walk grows with what runs leave behind. Ends when the folder store can list the
 * top-level folders, so that the output ones are not walked at all.
 */
final class BucketWatcher {

    private final ObjectStore objects;
    private final String bucket;
    private final RunOutputs outputs;
    private final Map<String, ObjectInfo> lastSeen = new HashMap<>();
    private final Set<String> handedOver = new HashSet<>();

    BucketWatcher(ObjectStore objects, String bucket, RunOutputs outputs) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    /** The files that became complete since the last poll, in key order. */
    List<SourceObject> poll() {
        List<SourceObject> complete = new ArrayList<>();
        Map<String, ObjectInfo> now = new HashMap<>();
        for (ObjectInfo info : objects.list(bucket, "")) {
            if (outputs.contains(info.key())) {
                continue;
            }
            now.put(info.key(), info);
            ObjectInfo before = lastSeen.get(info.key());
            if (before != null && unchanged(before, info) && handedOver.add(identity(info))) {
                complete.add(new SourceObject(info.bucket(), info.key(), info.version(),
                        info.etag(), info.size()));
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        return complete;
    }

    private static boolean unchanged(ObjectInfo before, ObjectInfo now) {
        return before.size() == now.size()
                && Objects.equals(before.lastModified(), now.lastModified())
                && Objects.equals(before.etag(), now.etag());
    }

    private static String identity(ObjectInfo info) {
        return info.key() + "\u0000" + (info.version() != null ? info.version() : info.etag());
    }
}
