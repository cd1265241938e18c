package dev.intake.aws.events;

import dev.intake.run.SourceObject;

/**
 * One object an S3 or EventBridge event says was created, with its key decoded, and what kind of
 * arrival it is.
 *
 * @param version the S3 version id, null when the bucket is not versioned
 */
public record ObjectArrival(String bucket, String key, String version, String etag, long size,
                            Kind kind) {

    /** What the arrival means for the importer. */
    public enum Kind {
        /** A file to import. */
        FILE,
        /** A zero-byte file: its run fails with "empty file" and is not rerun. */
        EMPTY_FILE,
        /** A key ending in {@code /} written by the console's "create folder": ignored. */
        FOLDER_MARKER,
        /** An object Intake wrote itself (failed records, staging): never an arrival. */
        INTERNAL_OBJECT
    }

    /** The source a run records: the version id, or the ETag when the bucket is unversioned. */
    public SourceObject toSource() {
        return new SourceObject(bucket, key, version != null ? version : etag, etag, size);
    }

    /** Whether a run should start for it (a file, or an empty file that fails with a reason). */
    public boolean startsRun() {
        return kind == Kind.FILE || kind == Kind.EMPTY_FILE;
    }
}
