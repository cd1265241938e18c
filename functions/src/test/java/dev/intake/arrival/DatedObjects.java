package dev.intake.arrival;

import dev.intake.port.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Objects in memory whose version, ETag and time of last change a test chooses. */
final class DatedObjects implements ObjectStore {

    private final Map<String, ObjectInfo> infos = new TreeMap<>();
    private final Map<String, byte[]> bytes = new TreeMap<>();

    ObjectInfo put(String key, String version, Instant lastModified, long size) {
        ObjectInfo info = new ObjectInfo("intake-local", key, version,
                "etag-" + key + "-" + version, size, lastModified);
        infos.put(key, info);
        bytes.put(key, new byte[(int) size]);
        return info;
    }

    @Override
    public InputStream open(String bucket, String key, String version) {
        return new ByteArrayInputStream(bytes.get(key));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return Optional.ofNullable(infos.get(key));
    }

    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                put(key, "1", Instant.EPOCH, size());
                bytes.put(key, toByteArray());
            }
        };
    }

    @Override
    public List<ObjectInfo> list(String bucket, String prefix) {
        return infos.values().stream().filter(info -> info.key().startsWith(prefix)).toList();
    }

    @Override
    public void delete(String bucket, String key) {
        infos.remove(key);
        bytes.remove(key);
    }

    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        return URI.create("memory:/" + bucket + "/" + key);
    }
}
