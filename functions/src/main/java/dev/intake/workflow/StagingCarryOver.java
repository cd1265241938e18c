package dev.intake.workflow;

import dev.intake.port.ObjectStore;
import dev.intake.port.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Hands the staged output of finished steps (valid and processed records, failed-record parts,
 * columns) from a failed attempt to its rerun, so that the rerun starts at the step that did not
 * finish. The pipeline keeps a run's staging under {@code staging/<runId>/}.
 *
 * <p>SHORTCUT: copies the objects, which costs one read and one write of the staged data. Ends
 * when the pipeline keys staging by the chain of attempts (the first attempt's run id) instead of
 * by the run, so a rerun can read what its predecessor staged in place.
 */
final class StagingCarryOver {

    private final ObjectStore objects;

    StagingCarryOver(ObjectStore objects) {
        this.objects = objects;
    }

    /** Moves everything under {@code staging/<fromRunId>/} to {@code staging/<toRunId>/}. */
    void move(String bucket, String fromRunId, String toRunId) {
        String from = prefix(fromRunId);
        String to = prefix(toRunId);
        for (ObjectInfo info : objects.list(bucket, from)) {
            copyObject(bucket, info.key(), to + info.key().substring(from.length()));
        }
        discard(bucket, fromRunId);
    }

    /**
     * Deletes what a failed attempt staged. The pipeline cleans up after the runs it ends
     * itself; an attempt that failed in the middle of a step is ended by the workflow.
     */
    void discard(String bucket, String runId) {
        for (ObjectInfo info : objects.list(bucket, prefix(runId))) {
            objects.delete(bucket, info.key());
        }
    }

    private void copyObject(String bucket, String fromKey, String toKey) {
        try (InputStream in = objects.open(bucket, fromKey, null);
                OutputStream out = objects.create(bucket, toKey, "application/octet-stream")) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("copying staged object " + fromKey + " to " + toKey,
                    e);
        }
    }

    private static String prefix(String runId) {
        return WorkflowConfig.STAGING_PREFIX + runId + "/";
    }
}
