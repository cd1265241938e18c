package dev.intake.local.cli;

import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.LocalRuntime;
import java.time.Instant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code intake} command. Each subcommand opens the local runtime on the state directory,
 * does one thing and prints a table, or JSON with {@code --json}.
 */
@Command(
        name = "intake",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "File import jobs, run locally: the workflow of template.yaml in one JVM.",
        footer = {"", ExitCode.HELP},
        subcommands = {
            JobsCommand.class,
            UploadCommand.class,
            RunsCommand.class,
            AslCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class IntakeCli implements Runnable {

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where jobs, runs, files and emails are kept"
                    + " (default: $INTAKE_HOME, else ./.intake).")
    Path stateDir;

    private final Map<String, String> environment;
    private final Opener opener;
    PrintWriter out;
    PrintWriter err;

    /**
     * Opens the runtime on a state directory, with injected faults (a spec) or none (null), telling
     * {@code progress} each workflow step; on the real clock when {@code realTime}, else virtual.
     */
    @FunctionalInterface
    public interface Opener {
        LocalIntake open(Path stateDirectory, String faults, Consumer<String> progress,
                boolean realTime);
    }

    public IntakeCli(Map<String, String> environment, Opener opener) {
        this.environment = Map.copyOf(environment);
        this.opener = opener;
    }

    public static void main(String[] args) {
        // Shortcut: each command's virtual clock starts at the real time, so a command run right
        // after a halt (whose reruns ran 75 virtual minutes ahead) records earlier times than the
        // halt did. Ends when the runtime starts its clock at the latest time stored.
        IntakeCli cli = new IntakeCli(System.getenv(), (directory, faults, progress, realTime) ->
                LocalRuntime.open(directory, new LocalRuntime.Options(realTime
                        ? LocalRuntime.ClockMode.SYSTEM : LocalRuntime.ClockMode.VIRTUAL,
                        faults, Instant.now(), progress)));
        System.exit(cli.execute(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        this.out = out;
        this.err = err;
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new Failures(err, environment))
                .setExitCodeExceptionMapper(Failures::exitCode);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** The state directory: {@code --state-dir}, else $INTAKE_HOME, else ./.intake. */
    Path stateDirectory() {
        if (stateDir != null) {
            return stateDir;
        }
        String home = environment.get("INTAKE_HOME");
        return home == null || home.isBlank() ? Path.of(".intake") : Path.of(home);
    }

    LocalIntake open() {
        return open(stateDirectory(), null);
    }

    LocalIntake open(Path directory, String faults) {
        return opener.open(directory, faults, new Progress(err, interactive(), System::nanoTime),
                false);
    }

    /** The runtime on the real clock, for {@code serve}. */
    LocalIntake openRealTime() {
        return opener.open(stateDirectory(), null,
                new Progress(err, interactive(), System::nanoTime), true);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Whether stderr is a terminal, so that a progress line may be redrawn in place. */
    boolean interactive() {
        return System.console() != null;
    }
}
