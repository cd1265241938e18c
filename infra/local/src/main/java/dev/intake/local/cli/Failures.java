package dev.intake.local.cli;

import dev.intake.asl.AslDefinitionException;
import dev.intake.asl.stubs.MissingStubException;
import dev.intake.asl.stubs.StubFormatException;
import dev.intake.job.InvalidJobDefinitionException;
import dev.intake.local.runtime.NotFoundException;
import dev.intake.local.runtime.TemplateException;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.schedule.InvalidScheduleExpressionException;
import dev.intake.workflow.RunNotRetriableException;
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

    /** What a user fixes by changing an input: a definition, a stubs file, a command. */
    private static final Set<Class<? extends RuntimeException>> INVALID_INPUT_TYPES = Set.of(
            InvalidJobDefinitionException.class, AslDefinitionException.class,
            StubFormatException.class, MissingStubException.class,
            InvalidScheduleExpressionException.class, RunNotRetriableException.class,
            TemplateException.class, ConflictException.class, IllegalTransitionException.class,
            IllegalArgumentException.class);

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
        if (INVALID_INPUT_TYPES.stream().anyMatch(type -> type.isInstance(e))) {
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
