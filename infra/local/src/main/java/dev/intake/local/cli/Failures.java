package dev.intake.local.cli;

import dev.intake.local.runtime.NotFoundException;
import dev.intake.local.runtime.TemplateException;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on stderr and an exit code. Errors a user can fix get
 * their message only; anything else is a bug and keeps its stack trace.
 */
final class Failures implements IExecutionExceptionHandler {

    /** Exceptions of other modules that report invalid input, by simple name (no compile link). */
    private static final Set<String> INVALID_INPUT_TYPES = Set.of(
            "JobDefinitionException", "InvalidJobDefinitionException", "AslDefinitionException",
            "InvalidDefinitionException", "StubsException", "ScheduleExpressionException",
            "UnreadableFileException", "RunNotRetriableException");

    private final PrintWriter err;
    private final boolean debug;

    Failures(PrintWriter err, Map<String, String> environment) {
        this.err = err;
        this.debug = environment.containsKey("INTAKE_DEBUG");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        int code = exitCode(e);
        err.println("intake: " + message(e));
        if (code == ExitCode.INTERNAL || debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        if (e instanceof CliFailure failure) {
            return failure.exitCode();
        }
        if (e instanceof NotFoundException || e instanceof NoSuchFileException) {
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof TemplateException || e instanceof ConflictException
                || e instanceof IllegalTransitionException || e instanceof IllegalArgumentException
                || INVALID_INPUT_TYPES.contains(e.getClass().getSimpleName())) {
            return ExitCode.INVALID_INPUT;
        }
        if (e.getCause() instanceof NoSuchFileException) {
            return ExitCode.NOT_FOUND;
        }
        return ExitCode.INTERNAL;
    }

    private static String message(Throwable e) {
        if (e.getCause() instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }
}
