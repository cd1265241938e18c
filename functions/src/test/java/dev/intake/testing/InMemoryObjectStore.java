package dev.intake.testing;

import dev.intake.port.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Objects in a map; an object appears when the stream that writes it is closed. */
public final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, Integer> opened = new TreeMap<>();

    public void put(String bucket, String key, byte[] bytes) {
        objects.put(bucket + "/" + key, bytes.clone());
    }

    public byte[] bytes(String bucket, String key) {
        byte[] bytes = objects.get(bucket + "/" + key);
        if (bytes == null) {
            throw new IllegalArgumentException("no object " + bucket + "/" + key);
        }
        return bytes.clone();
    }

    public String text(String bucket, String key) {
        return new String(bytes(bucket, key), StandardCharsets.UTF_8);
    }

    /** How many times an object was opened for reading. */
    public int timesOpened(String bucket, String key) {
        return opened.getOrDefault(bucket + "/" + key, 0);
    }

    @Override
    public InputStream open(String bucket, String key, String version) {
        opened.merge(bucket + "/" + key, 1, Integer::sum);
        return new ByteArrayInputStream(bytes(bucket, key));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        byte[] bytes = objects.get(bucket + "/" + key);
        return bytes == null ? Optional.empty() : Optional.of(info(bucket, key, bytes));
    }

    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                objects.put(bucket + "/" + key, toByteArray());
            }
        };
    }

    @Override
    public List<ObjectInfo> list(String bucket, String prefix) {
        return objects.entrySet().stream()
                .filter(e -> e.getKey().startsWith(bucket + "/" + prefix))
                .map(e -> info(bucket, e.getKey().substring(bucket.length() + 1), e.getValue()))
                .toList();
    }

    @Override
    public void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        return URI.create("memory:/" + bucket + "/" + key);
    }

    private static ObjectInfo info(String bucket, String key, byte[] bytes) {
        return new ObjectInfo(bucket, key, null, "etag", bytes.length, Instant.EPOCH);
    }
}
