package dev.intake.workflow;

/**
 * Starts executions of the import-run state machine: Step Functions on AWS, the in-process
 * interpreter locally. Execution names are unique: starting a name that was used before starts
 * nothing, which is what makes a redelivered upload event harmless.
 */
public interface WorkflowStarter {

    /**
     * Starts an execution called {@code name} with {@code request} as its input, unless an
     * execution with that name exists already (running or finished).
     */
    Start start(String name, RunRequest request);

    /**
     * @param executionId the execution's id (an ARN on AWS), new or existing
     * @param started     false when an execution with the same name existed already
     */
    record Start(String executionId, boolean started) {}
}
