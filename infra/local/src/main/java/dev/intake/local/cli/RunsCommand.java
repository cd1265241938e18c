package dev.intake.local.cli;

import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.NotFoundException;
import dev.intake.run.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code intake runs}: a job's run history, one run, its failed records, a manual retry. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Inspect runs, get their failed records, retry them.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class,
            RunsCommand.FailedRecords.class, RunsCommand.Retry.class})
final class RunsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "A job's runs, newest first.")
    static final class ListRuns extends CliCommand implements Runnable {

        @Parameters(paramLabel = "JOB", description = "The job id.")
        String jobId;

        @Option(names = "--json", description = "Print the runs as a JSON array.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                intake.job(jobId);
                List<Run> runs = intake.runs(jobId);
                if (json) {
                    out().println(Json.write(Json.runs(runs, intake::failedRecordsFile)));
                    return;
                }
                Views.runTable(intake, runs).print(out());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One run: counts, Failed %, reason, failed records, status history.")
    static final class Show extends CliCommand implements Runnable {

        @Parameters(paramLabel = "RUN", description = "The run id.")
        String runId;

        @Option(names = "--json", description = "Print the run as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                Run run = intake.run(runId);
                if (json) {
                    out().println(Json.write(Json.run(run, intake::failedRecordsFile)));
                    return;
                }
                Views.printRun(out(), intake, run);
            }
        }
    }

    @Command(name = "failed-records", mixinStandardHelpOptions = true,
            description = "Where a run's failed-records CSV is, or its content with --print.")
    static final class FailedRecords extends CliCommand implements Runnable {

        @Parameters(paramLabel = "RUN", description = "The run id.")
        String runId;

        @Option(names = "--print", description = "Print the CSV instead of its path.")
        boolean print;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                Run run = intake.run(runId);
                Path file = intake.failedRecordsFile(run).orElseThrow(() -> new NotFoundException(
                        "run " + runId + " has no failed records (" + Labels.of(run.status())
                                + ", " + Views.counts(run).failed() + " failed rows)"));
                if (print) {
                    copy(file);
                } else {
                    out().println(file);
                }
            }
        }

        private void copy(Path file) {
            try {
                out().print(Files.readString(file));
                out().flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Retry a Failed or Halted run by hand.")
    static final class Retry extends CliCommand implements Runnable {

        @Parameters(paramLabel = "RUN", description = "The run id.")
        String runId;

        @Option(names = "--json", description = "Print the runs the retry caused as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                List<Run> runs = intake.retry(runId);
                Outcome.report(this, intake, runs, json);
            }
        }
    }
}
