package dev.intake.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure that on AWS would not be an exception at all, but the Lambda runtime giving up on
 * the function: a function timeout or a process killed for lack of memory. Thrown only by the
 * {@link FaultInjector}; an in-process Lambda invoker turns it into the task error AWS reports
 * ({@link #errorName()}, usually {@code Lambda.Unknown}) after {@link #ran()} of virtual time.
 */
public final class SimulatedLambdaFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final transient Duration ran;

    public SimulatedLambdaFailure(String errorName, String message, Duration ran) {
        super(message);
        this.errorName = Objects.requireNonNull(errorName, "errorName");
        this.ran = Objects.requireNonNull(ran, "ran");
    }

    /** The error name Step Functions would see, e.g. {@code Lambda.Unknown}. */
    public String errorName() {
        return errorName;
    }

    /** How long the function ran before it was stopped. */
    public Duration ran() {
        return ran;
    }
}
