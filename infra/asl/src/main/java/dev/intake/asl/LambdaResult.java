package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a Lambda function returned: either a payload or a function error, plus how long the call
 * took on a virtual clock. A function error fails the Task with {@code errorType} as the error
 * name and, as Cause, the JSON AWS writes:
 * {@code {"errorMessage":…,"errorType":…,"requestId":…,"stackTrace":[…]}}.
 *
 * @param payload the function's return value (JSON null when it returned nothing); null on error
 * @param error the function error; null on success
 * @param duration how long the call ran (virtual clock); compared with TimeoutSeconds
 */
public record LambdaResult(JsonNode payload, FunctionError error, Duration duration) {

    public LambdaResult {
        Objects.requireNonNull(duration, "duration");
        if ((payload == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of payload and error must be given");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    /** A successful call returning {@code payload} (null means JSON null). */
    public static LambdaResult of(JsonNode payload) {
        return new LambdaResult(payload == null ? NullNode.getInstance() : payload, null,
                Duration.ZERO);
    }

    /**
     * A function error, e.g.
     * {@code failed("java.lang.IllegalStateException", "bad row", List.of())}.
     */
    public static LambdaResult failed(String errorType, String errorMessage,
            List<String> stackTrace) {
        return new LambdaResult(null, new FunctionError(errorType, errorMessage, stackTrace),
                Duration.ZERO);
    }

    /** This result, taking {@code callDuration} on the virtual clock. */
    public LambdaResult after(Duration callDuration) {
        return new LambdaResult(payload, error, callDuration);
    }

    public boolean isError() {
        return error != null;
    }

    /**
     * A function error as the Lambda runtime reports it.
     *
     * @param errorType e.g. a fully qualified Java exception class name
     * @param errorMessage the exception message; may be null
     * @param stackTrace frames as the runtime prints them
     */
    public record FunctionError(String errorType, String errorMessage, List<String> stackTrace) {

        public FunctionError {
            Objects.requireNonNull(errorType, "errorType");
            stackTrace = List.copyOf(stackTrace);
        }
    }
}
