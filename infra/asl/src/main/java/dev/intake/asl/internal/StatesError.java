package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure inside an execution that Retry and Catch may handle, named like AWS errors. A
 * {@code States.Runtime} error is never retried or caught.
 */
public final class StatesError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "States.ALL";
    public static final String RUNTIME = "States.Runtime";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String DATA_LIMIT = "States.DataLimitExceeded";
    public static final String NO_CHOICE = "States.NoChoiceMatched";
    public static final String INTRINSIC = "States.IntrinsicFailure";
    public static final String ITEM_READER = "States.ItemReaderFailed";
    public static final String RESULT_WRITER = "States.ResultWriterFailed";
    public static final String TOLERATED = "States.ExceedToleratedFailureThreshold";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String RESULT_PATH = "States.ResultPathMatchFailure";

    private final String error;
    private final String cause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public boolean isRuntime() {
        return RUNTIME.equals(error);
    }

    /** The error output Catch passes on: {@code {"Error":…,"Cause":…}}. */
    public ObjectNode toOutput() {
        ObjectNode output = Json.object();
        output.put("Error", error);
        output.put("Cause", cause);
        return output;
    }
}
