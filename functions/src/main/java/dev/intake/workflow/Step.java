package dev.intake.workflow;

/**
 * The tasks of one attempt, in order. {@code END} means the attempt has nothing left to do. The
 * state machine routes on the lower-case name ({@code "import"}), which every task returns as
 * the step to run next.
 */
public enum Step {
    START,
    VALIDATE,
    PROCESS,
    IMPORT,
    FINISH,
    END
}
