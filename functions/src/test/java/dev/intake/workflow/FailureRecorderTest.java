package dev.intake.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.run.FailureReason;
import dev.intake.run.RunStatus;
import org.junit.jupiter.api.Test;

class FailureRecorderTest {

    @Test
    void aJavaExceptionGivesItsClassAsCodeAndItsMessage() {
        TaskError error = new TaskError("dev.intake.workflow.DependencyUnavailableException",
                "{\"errorMessage\":\"table intake-runs is throttled\",\"errorType\":"
                        + "\"dev.intake.workflow.DependencyUnavailableException\"}");

        assertThat(FailureRecorder.reasonFor(RunStatus.IMPORTING.label(), error)).isEqualTo(
                new FailureReason("DEPENDENCY_UNAVAILABLE", "Stopped while importing: table"
                        + " intake-runs is throttled (error"
                        + " dev.intake.workflow.DependencyUnavailableException)"));
    }

    @Test
    void aStepFunctionsTimeoutWithoutCauseSaysWhatTimedOut() {
        assertThat(FailureRecorder.reasonFor(RunStatus.VALIDATING.label(),
                new TaskError("States.Timeout", ""))).isEqualTo(new FailureReason("TIMEOUT",
                "Stopped while validating: the task did not finish within its TimeoutSeconds"
                        + " (error States.Timeout)"));
    }

    @Test
    void aLambdaErrorWithAPlainTextCauseIsACrash() {
        assertThat(FailureRecorder.reasonFor(RunStatus.PROCESSING.label(),
                new TaskError("Lambda.Unknown", "The function ran out of memory")))
                .isEqualTo(new FailureReason("TASK_CRASHED", "Stopped while processing: The"
                        + " function ran out of memory (error Lambda.Unknown)"));
    }
}
