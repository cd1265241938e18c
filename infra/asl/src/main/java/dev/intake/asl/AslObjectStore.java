package dev.intake.asl;

import java.util.Optional;

/**
 * Object storage for Distributed Map: its ItemReader ({@code arn:aws:states:::s3:getObject})
 * reads here and its ResultWriter ({@code arn:aws:states:::s3:putObject}) writes here.
 */
public interface AslObjectStore {

    /** The object's bytes, or empty when the bucket or key does not exist. */
    Optional<byte[]> get(String bucket, String key);

    /** Stores {@code bytes} under bucket and key, replacing what was there. */
    void put(String bucket, String key, byte[] bytes);
}
