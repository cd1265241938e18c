package dev.intake.asl;

/**
 * History event types, named as in the Step Functions GetExecutionHistory API, plus
 * {@link #RetryScheduled}, which AWS does not record: it carries the retry delay the interpreter
 * computed, so tests can assert the backoff schedule.
 */
public enum HistoryEventType {
    ExecutionStarted,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionTimedOut,
    ExecutionAborted,

    PassStateEntered,
    PassStateExited,
    TaskStateEntered,
    TaskStateExited,
    ChoiceStateEntered,
    ChoiceStateExited,
    WaitStateEntered,
    WaitStateExited,
    SucceedStateEntered,
    SucceedStateExited,
    FailStateEntered,
    ParallelStateEntered,
    ParallelStateStarted,
    ParallelStateSucceeded,
    ParallelStateFailed,
    ParallelStateExited,
    MapStateEntered,
    MapStateStarted,
    MapStateSucceeded,
    MapStateFailed,
    MapStateExited,
    MapIterationStarted,
    MapIterationSucceeded,
    MapIterationFailed,
    MapRunStarted,
    MapRunSucceeded,
    MapRunFailed,

    /** Legacy Lambda ARN resources. */
    LambdaFunctionScheduled,
    LambdaFunctionStarted,
    LambdaFunctionSucceeded,
    LambdaFunctionFailed,
    LambdaFunctionTimedOut,

    /** Every other resource, including {@code arn:aws:states:::lambda:invoke}. */
    TaskScheduled,
    TaskStarted,
    /** A {@code .waitForTaskToken} task has invoked its resource and now waits for the token. */
    TaskSubmitted,
    TaskSucceeded,
    TaskFailed,
    TaskTimedOut,

    /** Interpreter-specific: details {@code {"error","retryCount","delaySeconds"}}. */
    RetryScheduled
}
