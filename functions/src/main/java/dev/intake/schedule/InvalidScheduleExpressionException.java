package dev.intake.schedule;

/**
 * A schedule expression EventBridge Scheduler would refuse. The message starts with the whole
 * expression, names the field at fault and says how to fix it.
 */
public class InvalidScheduleExpressionException extends RuntimeException {

    public InvalidScheduleExpressionException(String expression, String problem) {
        super(expression + ": " + problem);
    }
}
