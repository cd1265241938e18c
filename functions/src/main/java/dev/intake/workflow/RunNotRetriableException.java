package dev.intake.workflow;

/** A person asked to retry a run that is not Failed or Halted, or that does not exist. */
public class RunNotRetriableException extends RuntimeException {

    public RunNotRetriableException(String message) {
        super(message);
    }
}
