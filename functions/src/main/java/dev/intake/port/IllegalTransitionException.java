package dev.intake.port;

/** A status change the lifecycle does not allow, such as a Completed run moving to Importing. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
