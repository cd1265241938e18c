package dev.intake.local.workflow;

import dev.intake.port.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An object store in memory: the latest bytes of every key, with a version counter. */
final class MemoryObjectStore implements ObjectStore {

    private record Stored(byte[] bytes, ObjectInfo info) {}

    private final Map<String, Stored> objects = new TreeMap<>();
    private final Clock clock;
    private int versions;

    MemoryObjectStore(Clock clock) {
        this.clock = clock;
    }

    /** Stores {@code bytes} as a new version of the object and returns what an event would name. */
    synchronized ObjectInfo put(String bucket, String key, byte[] bytes) {
        versions++;
        ObjectInfo info = new ObjectInfo(bucket, key, "v" + versions, "etag" + versions,
                bytes.length, clock.instant());
        objects.put(bucket + "/" + key, new Stored(bytes.clone(), info));
        return info;
    }

    synchronized boolean exists(String bucket, String key) {
        return objects.containsKey(bucket + "/" + key);
    }

    synchronized byte[] bytes(String bucket, String key) {
        return objects.get(bucket + "/" + key).bytes().clone();
    }

    @Override
    public synchronized InputStream open(String bucket, String key, String version) {
        Stored stored = objects.get(bucket + "/" + key);
        if (stored == null) {
            throw new IllegalArgumentException("no object s3://" + bucket + "/" + key);
        }
        return new ByteArrayInputStream(stored.bytes());
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key)).map(Stored::info);
    }

    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    put(bucket, key, toByteArray());
                }
            }
        };
    }

    @Override
    public synchronized List<ObjectInfo> list(String bucket, String prefix) {
        List<ObjectInfo> found = new ArrayList<>();
        for (Stored stored : objects.values()) {
            ObjectInfo info = stored.info();
            if (info.bucket().equals(bucket) && info.key().startsWith(prefix)) {
                found.add(info);
            }
        }
        return found;
    }

    @Override
    public synchronized void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        return URI.create("memory://" + bucket + "/" + key);
    }
}
