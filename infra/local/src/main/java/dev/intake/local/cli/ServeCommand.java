package dev.intake.local.cli;

import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.ServeLoop;
import dev.intake.schedule.InProcessJobSchedules;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code intake serve}: the scheduler and the inbox watcher, on the real clock. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run jobs' schedules and import files dropped into STATE-DIR/inbox/JOB/,"
                + " on the real clock, until stopped (Ctrl-C).",
            "An imported file moves to STATE-DIR/inbox/JOB/imported/."})
final class ServeCommand extends CliCommand implements Runnable {

    @Option(names = "--tick", defaultValue = "1", paramLabel = "SECONDS",
            description = "Seconds between two looks at the schedules and the inbox"
                    + " (default: ${DEFAULT-VALUE}).")
    long tickSeconds;

    @Option(names = "--once", description = "Look once, then exit (for scripts).")
    boolean once;

    @Override
    public void run() {
        if (tickSeconds < 1) {
            throw new CliFailure(ExitCode.USAGE, "--tick must be at least 1, was " + tickSeconds);
        }
        try (LocalIntake intake = cli().openRealTime()) {
            ServeLoop loop = new ServeLoop(intake, new InProcessJobSchedules(Clock.systemUTC()),
                    line -> out().println(line));
            out().println("Serving " + intake.stateDirectory() + ": drop files into "
                    + loop.inbox() + "/JOB/; Ctrl-C stops.");
            out().flush();
            do {
                loop.tick();
                out().flush();
            } while (!once && pause());
        }
    }

    /** Waits for the next tick; false when interrupted, which ends the loop. */
    private boolean pause() {
        try {
            Thread.sleep(tickSeconds * 1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
