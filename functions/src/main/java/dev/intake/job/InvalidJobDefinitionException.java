package dev.intake.job;

import java.util.List;

/**
 * A job definition that cannot be used as written. Lists every problem found, one per line, each
 * naming the job, the field path and the fix, so that one edit can correct them all.
 */
public class InvalidJobDefinitionException extends RuntimeException {

    private final List<String> problems;

    public InvalidJobDefinitionException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidJobDefinitionException(List<String> problems, Throwable cause) {
        super(String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each, in the order of the definition. */
    public List<String> problems() {
        return problems;
    }
}
