package dev.intake.aws.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.WorkflowJson;
import dev.intake.workflow.WorkflowStarter;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * Starts Standard executions of the import-run state machine. The caller names the execution
 * after what it imports ({@link dev.intake.workflow.RunNames}), and Step Functions keeps a
 * Standard execution's name unique for 90 days, so a redelivered S3 or EventBridge event cannot
 * start a second run: StartExecution fails with ExecutionAlreadyExists (finished, or another
 * input), or returns the first execution (same name and input, still running).
 */
public final class StepFunctionsRunStarter implements WorkflowStarter {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public StepFunctionsRunStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /**
     * A still-running execution with the same name and input is returned by Step Functions as if
     * it were new, so that case reports {@code started}; the run id derived from the name still
     * makes it one run.
     */
    @Override
    public Start start(String name, RunRequest request) {
        try {
            StartExecutionResponse response = sfn.startExecution(b -> b
                    .stateMachineArn(stateMachineArn)
                    .name(name)
                    .input(json(request)));
            return new Start(response.executionArn(), true);
        } catch (ExecutionAlreadyExistsException e) {
            return new Start(executionArn(name), false);
        }
    }

    /** The ARN Step Functions gives the execution called {@code name} of this state machine. */
    String executionArn(String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private static String json(RunRequest request) {
        try {
            return WorkflowJson.mapper().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run request always serialises: " + request, e);
        }
    }
}
