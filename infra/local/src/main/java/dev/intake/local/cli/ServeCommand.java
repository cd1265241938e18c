package dev.intake.local.cli;

import dev.intake.local.runtime.LocalAws;
import dev.intake.local.runtime.LocalRuntime;
import dev.intake.local.serve.LocalServer;
import dev.intake.local.serve.LocalServer.Arrival;
import dev.intake.local.serve.LocalServer.ScheduledRun;
import dev.intake.local.serve.LocalServer.Tick;
import dev.intake.local.serve.ServeLoop;
import dev.intake.local.serve.ServeParts;
import dev.intake.run.Run;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code intake serve}: runs the job schedules on the real clock and imports the files dropped
 * into the local bucket folder, until stopped with Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the job schedules on the real clock and import every file dropped"
                + " into the local bucket folder (<state-dir>/buckets/" + LocalAws.BUCKET
                + "/<job prefix>), until Ctrl-C.",
            "A file is taken once its size has held still for one poll. Runs and their reruns"
                + " take real time here (900 s between reruns)."})
final class ServeCommand extends CliCommand implements Runnable {

    @Option(names = "--once", description = "Look at the bucket and the schedules once (two"
            + " looks, one poll apart, so that only complete files are taken), then exit.")
    boolean once;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "1",
            description = "Seconds between two looks at the bucket (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    public void run() {
        Duration poll = Duration.ofMillis(Math.round(pollSeconds * 1000));
        if (poll.isNegative()) {
            throw new CliFailure(ExitCode.USAGE, "--poll must be 0 or more seconds");
        }
        Path directory = cli().stateDirectory();
        CountDownLatch cleanedUp = new CountDownLatch(1);
        try (LocalRuntime runtime = LocalJobs.runtimeOf(cli().openRealTime())) {
            LocalServer server = new LocalServer(ServeParts.over(runtime.services(),
                    LocalAws.BUCKET, Clock.systemUTC(), runtime::startRun));
            if (once) {
                serveOnce(server, poll);
            } else {
                serveUntilStopped(server, poll, directory, cleanedUp);
            }
            out().println("Served: " + server.counts() + ".");
        } finally {
            // Lets a Ctrl-C hook return (and the JVM exit) only once the database is closed.
            cleanedUp.countDown();
        }
    }

    private void serveOnce(LocalServer server, Duration poll) {
        print(out(), server.tick());
        pause(poll);
        print(out(), server.tick());
    }

    private void serveUntilStopped(LocalServer server, Duration poll, Path directory,
            CountDownLatch cleanedUp) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(cleanedUp, Duration.ofSeconds(15));
        }, "intake-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out().println("Serving " + directory.toAbsolutePath() + ": drop files under buckets/"
                + LocalAws.BUCKET + "/<job prefix>; Ctrl-C to stop.");
        try (ServeLoop loop = new ServeLoop(server, tick -> print(out(), tick), poll)) {
            loop.start();
            awaitQuietly(stopped, null);
        }
    }

    static void print(PrintWriter out, Tick tick) {
        for (Arrival arrival : tick.arrivals()) {
            out.println(arrival.decision().message());
            printRuns(out, arrival.attempts());
        }
        for (ScheduledRun fired : tick.firings()) {
            out.println("schedule of job " + fired.firing().jobId() + ", due "
                    + fired.firing().dueAt() + ": " + fired.decision().message());
            printRuns(out, fired.attempts());
        }
        out.flush();
    }

    private static void printRuns(PrintWriter out, List<Run> attempts) {
        for (Run run : attempts) {
            out.println("  run " + run.id() + " attempt " + run.attempt() + ": "
                    + Labels.of(run.status()) + ", read " + Views.counts(run).read()
                    + ", imported " + Views.counts(run).imported() + ", failed "
                    + Views.counts(run).failed() + (run.reason() == null ? ""
                    : " (" + Views.reason(run.reason()) + ")"));
        }
    }

    private static void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.INTERNAL, "interrupted while waiting for files to"
                    + " settle");
        }
    }

    /** Waits for the latch, up to {@code limit} (null: without limit); an interrupt ends it. */
    private static void awaitQuietly(CountDownLatch latch, Duration limit) {
        try {
            if (limit == null) {
                latch.await();
            } else {
                latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
