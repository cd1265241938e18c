package dev.intake.asl.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/**
 * One planned answer of a stubbed Task state. {@link #duration()} is how long the call takes on
 * the interpreter's clock (for a {@code .waitForTaskToken} task: how long until the answer).
 */
public sealed interface StubAnswer {

    Duration duration();

    /** The resource returns {@code value} (for a callback task: SendTaskSuccess with it). */
    record Return(JsonNode value, Duration duration) implements StubAnswer {
        public Return {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The resource fails with {@code error} and {@code cause}. For a Lambda function this is a
     * function error (errorType, errorMessage) unless the name is a service error
     * ({@code Lambda.*} or {@code States.*}); for a callback task it is SendTaskFailure, where
     * both may be null.
     */
    record Throw(String error, String cause, Duration duration) implements StubAnswer {
        public Throw {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** A {@code .waitForTaskToken} task whose token nobody ever answers. */
    record NoCallback(Duration duration) implements StubAnswer {
        public NoCallback {
            Objects.requireNonNull(duration, "duration");
        }
    }
}
