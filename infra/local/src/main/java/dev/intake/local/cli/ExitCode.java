package dev.intake.local.cli;

/** The exit codes of {@code intake}, documented in the README and in {@code intake --help}. */
public final class ExitCode {

    public static final int OK = 0;
    /** A run (or the demo, or the benchmark) ended Failed or Halted. */
    public static final int RUN_FAILED = 1;
    /** The command line itself is wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** A job, run or file the command names does not exist. */
    public static final int NOT_FOUND = 3;
    /** An input was refused: an invalid job definition, template or state machine, a conflict. */
    public static final int INVALID_INPUT = 4;
    /** A bug or an environment problem; the stack trace goes to stderr. */
    public static final int INTERNAL = 70;

    private ExitCode() {}

    static final String HELP = "Exit codes: 0 ok, 1 a run ended Failed or Halted, 2 usage error,"
            + " 3 not found, 4 invalid input, 70 internal error.";
}
