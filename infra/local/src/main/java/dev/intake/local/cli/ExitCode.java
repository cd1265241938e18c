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
    /**
     * An input was refused: an invalid job definition, template or state machine, a conflict, an
     * illegal status change, or a state directory that cannot be used (a file, a damaged database).
     */
    public static final int INVALID_INPUT = 4;
    /**
     * {@code upload --wait} started no run: the job is not Active (the file is kept, pending or
     * not, as the message says) or this version of the file was imported before.
     */
    public static final int NO_RUN = 5;
    /** A bug; the stack trace goes to stderr. */
    public static final int INTERNAL = 70;

    private ExitCode() {}

    static final String HELP = "Exit codes: 0 ok, 1 a run ended Failed or Halted, 2 usage error,"
            + " 3 not found, 4 invalid input or unusable state directory, 5 upload --wait"
            + " started no run, 70 internal error.";
}
