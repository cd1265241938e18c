package dev.intake.local.cli;

import dev.intake.job.Job;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.Run;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code intake jobs}: create jobs from definition files and look at them. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Create and inspect import jobs.",
        subcommands = {JobsCommand.Create.class, JobsCommand.ListJobs.class, JobsCommand.Show.class,
            JobsCommand.Activate.class, JobsCommand.Pause.class, JobsCommand.Reactivate.class,
            JobsUpdateCommand.class, JobsSampleCommand.class, JobsDeleteCommand.class})
final class JobsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a job (in Draft) from a YAML or JSON definition file.")
    static final class Create extends CliCommand implements Runnable {

        @Parameters(paramLabel = "FILE", description = "The job definition.")
        Path file;

        @Option(names = "--json", description = "Print the job as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                Job job = intake.createJob(file);
                if (json) {
                    out().println(Json.write(Json.job(job)));
                } else {
                    out().println("Created job " + job.id() + " (" + Labels.of(job.status())
                            + "); files under " + Views.prefix(job) + " belong to it.");
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every job.")
    static final class ListJobs extends CliCommand implements Runnable {

        @Option(names = "--json", description = "Print the jobs as a JSON array.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                List<Job> jobs = intake.jobs();
                if (json) {
                    out().println(Json.write(Json.jobs(jobs)));
                    return;
                }
                Views.printJobs(out(), intake, jobs);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a job and the status of its last five runs.")
    static final class Show extends CliCommand implements Runnable {

        @Parameters(paramLabel = "JOB", description = "The job id.")
        String jobId;

        @Option(names = "--json", description = "Print the job and its last runs as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                Job job = intake.job(jobId);
                List<Run> lastRuns = intake.runs(jobId).stream().limit(5).toList();
                if (json) {
                    var node = Json.job(job);
                    node.set("lastRuns", Json.runs(lastRuns, intake::failedRecordsFile));
                    out().println(Json.write(node));
                    return;
                }
                Views.printJob(out(), job);
                out().println();
                out().println("Last 5 runs:");
                Views.printRuns(out(), intake, lastRuns);
            }
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Activate a Draft job: files that arrive from now on are imported.")
    static final class Activate extends CliCommand implements Runnable {

        @Parameters(paramLabel = "JOB", description = "The job id.")
        String jobId;

        @Option(names = "--json", description = "Print the job as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                printStatus(this, intake.activate(jobId), json);
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause an Active job: its schedule stops; files that arrive are kept.")
    static final class Pause extends CliCommand implements Runnable {

        @Parameters(paramLabel = "JOB", description = "The job id.")
        String jobId;

        @Option(names = "--json", description = "Print the job as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                printStatus(this, intake.pause(jobId), json);
            }
        }
    }

    @Command(name = "reactivate", mixinStandardHelpOptions = true,
            description = "Reactivate a Paused or Halted job and import the files that arrived"
                    + " meanwhile, oldest first.")
    static final class Reactivate extends CliCommand implements Runnable {

        @Parameters(paramLabel = "JOB", description = "The job id.")
        String jobId;

        @Option(names = "--json", description = "Print the runs the pending files caused as JSON.")
        boolean json;

        @Override
        public void run() {
            try (LocalIntake intake = cli().open()) {
                List<Run> runs = intake.reactivate(jobId);
                if (!json) {
                    out().println("Job " + jobId + " is Active; " + runs.size()
                            + " run(s) for files that arrived meanwhile.");
                }
                Outcome.report(this, intake, runs, json);
            }
        }
    }

    /** What activate and pause print: the job as JSON, or the status it is in now. */
    private static void printStatus(CliCommand command, Job job, boolean json) {
        command.out().println(json ? Json.write(Json.job(job))
                : "Job " + job.id() + " is " + Labels.of(job.status()) + ".");
    }
}
