package dev.intake.run;

/** The object a run imports. {@code version} is the S3 version id, or the ETag when unversioned. */
public record SourceObject(String bucket, String key, String version, String etag, long size) {}
