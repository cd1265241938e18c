package dev.intake.local.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code intake jobs delete JOB}: removes a job and its schedule, whatever its status. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a job and its schedule, whatever its status.",
            "Its runs, its files in the bucket and its destination table are kept."})
final class JobsDeleteCommand extends CliCommand implements Runnable {

    @Parameters(paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Override
    public void run() {
        try (LocalJobs jobs = LocalJobs.open(this)) {
            jobs.lifecycle().delete(jobId);
            out().println("Deleted job " + jobId + " and its schedule; its runs, files and table"
                    + " are kept.");
        }
    }
}
