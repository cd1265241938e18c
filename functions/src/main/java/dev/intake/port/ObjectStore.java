package dev.intake.port;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where files and the objects a run writes live: S3 on AWS, a folder locally. */
public interface ObjectStore {

    /** Streams an object's bytes; a null version reads the latest. */
    InputStream open(String bucket, String key, String version);

    Optional<ObjectInfo> head(String bucket, String key);

    /**
     * A stream whose bytes become the object when it is closed (a multipart upload on S3, so that
     * memory does not grow with the object). Nothing is visible before close.
     */
    OutputStream create(String bucket, String key, String contentType);

    /** Objects under a prefix, ordered by key. */
    List<ObjectInfo> list(String bucket, String prefix);

    void delete(String bucket, String key);

    /** A link a person can open to download the object (presigned on S3, file: locally). */
    URI downloadLink(String bucket, String key, Duration validity);

    record ObjectInfo(
            String bucket, String key, String version, String etag, long size, Instant lastModified) {}
}
