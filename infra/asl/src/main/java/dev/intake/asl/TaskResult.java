package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The result of a non-Lambda Task resource and how long the call took on a virtual clock.
 *
 * @param output the service's answer, the state's raw result (before ResultSelector)
 * @param duration how long the call ran (virtual clock); compared with TimeoutSeconds
 */
public record TaskResult(JsonNode output, Duration duration) {

    public TaskResult {
        output = output == null ? NullNode.getInstance() : output;
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    public static TaskResult of(JsonNode output) {
        return new TaskResult(output, Duration.ZERO);
    }

    /** This result, taking {@code callDuration} on the virtual clock. */
    public TaskResult after(Duration callDuration) {
        return new TaskResult(output, callDuration);
    }
}
