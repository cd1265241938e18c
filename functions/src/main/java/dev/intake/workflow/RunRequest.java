package dev.intake.workflow;

import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;

/**
 * The input of one execution of the import-run state machine: what asks for a run, for which
 * job, and which object. References only: the execution input is capped at 256 KiB.
 *
 * @param jobId   the job; null lets StartRun find the job whose prefix owns the key
 * @param source  the object to import; null for a scheduled run, which picks the newest file
 * @param retryOf the run a person retries (trigger manual_retry), otherwise null
 */
public record RunRequest(Trigger trigger, String jobId, SourceObject source, String retryOf) {

    public RunRequest {
        if (trigger == null) {
            throw new IllegalArgumentException("a run request needs a trigger: upload, schedule,"
                    + " rerun, manual_retry or reactivation");
        }
        if (jobId == null && source == null) {
            throw new IllegalArgumentException(
                    "a run request needs a jobId, a source object, or both; it had neither");
        }
    }
}
