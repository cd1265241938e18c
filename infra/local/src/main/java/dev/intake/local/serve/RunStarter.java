package dev.intake.local.serve;

import dev.intake.job.Job;
import dev.intake.run.Run;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import java.util.List;

/**
 * Starts the import of an object that is already in the bucket and returns once its execution
 * has ended (locally the workflow runs in this process). The local runtime provides it.
 */
@FunctionalInterface
public interface RunStarter {

    /**
     * Starts one execution for this version of the object. The same version asked for twice
     * starts one execution: the second call returns {@code started} false and the runs the
     * first one made.
     */
    Started startRun(Job job, SourceObject object, Trigger trigger);

    /** Whether this call started the execution, and its attempts, oldest first. */
    record Started(boolean started, List<Run> attempts) {

        public Started {
            attempts = List.copyOf(attempts);
        }
    }
}
