package dev.intake.port;

import dev.intake.run.SourceObject;

/**
 * Starts the import workflow for an object: a Step Functions execution on AWS, the in-process
 * interpreter locally. At most one workflow starts per object version, however often the arrival
 * is delivered.
 */
public interface RunStarter {

    /**
     * Starts the workflow for {@code source} of job {@code jobId} with {@code inputJson} as input,
     * unless one was already started for this object version.
     */
    Started start(String jobId, SourceObject source, String inputJson);

    /**
     * @param executionId    the workflow execution for this object version
     * @param alreadyStarted true when an earlier delivery had started it
     */
    record Started(String executionId, boolean alreadyStarted) {}
}
