package dev.intake.sampling;

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
import java.util.function.Supplier;

/**
 * The object store a sample run sees: the sample file, read from where the caller keeps it, and
 * the run's staging objects, kept in memory and gone with the sample. Nothing reaches the real
 * bucket, so a sample leaves no trace but its report.
 *
 * <p>SHORTCUT: the staging objects are held in memory, which grows with the sample's size; fine
 * for samples (a few thousand rows), not for whole files. Ends if samples ever need to be large:
 * stage into a temporary folder instead.
 */
final class SandboxObjects implements ObjectStore {

    private final String bucket;
    private final String sampleKey;
    private final Supplier<InputStream> sample;
    private final long sampleSize;
    private final Map<String, byte[]> written = new TreeMap<>();
    /** Everything the run wrote, kept after the run deletes its staging, for the report. */
    private final Map<String, byte[]> everWritten = new TreeMap<>();

    SandboxObjects(String bucket, String sampleKey, Supplier<InputStream> sample, long sampleSize) {
        this.bucket = bucket;
        this.sampleKey = sampleKey;
        this.sample = sample;
        this.sampleSize = sampleSize;
    }

    @Override
    public InputStream open(String bucket, String key, String version) {
        if (isSample(bucket, key)) {
            return sample.get();
        }
        byte[] bytes = written.get(key);
        if (bytes == null || !this.bucket.equals(bucket)) {
            throw new IllegalStateException("the sample run read " + key
                    + " before writing it; the pipeline steps ran out of order");
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        if (isSample(bucket, key)) {
            return Optional.of(info(key, sampleSize));
        }
        byte[] bytes = this.bucket.equals(bucket) ? written.get(key) : null;
        return bytes == null ? Optional.empty() : Optional.of(info(key, bytes.length));
    }

    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                written.put(key, toByteArray());
                everWritten.put(key, toByteArray());
            }
        };
    }

    @Override
    public List<ObjectInfo> list(String bucket, String prefix) {
        return written.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> info(entry.getKey(), entry.getValue().length))
                .toList();
    }

    @Override
    public void delete(String bucket, String key) {
        written.remove(key);
    }

    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        return URI.create("sample:/" + key);
    }

    /** The bytes the run wrote under {@code key}, even if it deleted them since. */
    Optional<byte[]> written(String key) {
        return Optional.ofNullable(everWritten.get(key));
    }

    /** The keys the run ever wrote under {@code prefix}, in key order. */
    List<String> writtenUnder(String prefix) {
        return everWritten.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    private boolean isSample(String bucket, String key) {
        return this.bucket.equals(bucket) && sampleKey.equals(key);
    }

    private ObjectInfo info(String key, long size) {
        return new ObjectInfo(bucket, key, null, null, size, Instant.EPOCH);
    }
}
