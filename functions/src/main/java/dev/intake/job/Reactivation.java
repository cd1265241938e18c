package dev.intake.job;

import dev.intake.port.PendingFiles.PendingFile;
import java.util.List;

/**
 * A job back in Active, and the files that arrived while it was paused or halted, oldest first.
 * The caller starts a run for each, in this order, and removes each from the pending files once
 * its run has started, so that a crash in between loses none.
 */
public record Reactivation(Job job, List<PendingFile> pending) {

    public Reactivation {
        pending = List.copyOf(pending);
    }
}
