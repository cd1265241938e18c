package dev.intake.local.cli;

import dev.intake.job.Job;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.Run;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code intake upload JOB FILE}: a file arrives for a job. Locally the workflow runs in this
 * process, so the command returns once the execution has ended; {@code --wait} makes the output and
 * the exit code tell how it ended.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Put FILE under the job's prefix in the local bucket and deliver the"
                + " Object Created event, which starts a run.",
            "Reruns happen on a virtual clock: 900 s apart in virtual time, milliseconds in"
                + " real time."})
final class UploadCommand extends CliCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--wait", description = "Print every attempt and the final run; exit 1 when"
            + " the run ends Failed or Halted, 5 when no run started (the job is not Active).")
    boolean waitForEnd;

    @Option(names = "--json", description = "Print the runs the upload caused as JSON.")
    boolean json;

    @Option(names = "--inject-faults", paramLabel = "SPEC",
            description = "Make workflow steps fail on purpose, e.g. import:6 (six failures:"
                    + " five reruns, then the halt) or validate:1:timeout. Kinds: unavailable,"
                    + " timeout, crash.")
    String faults;

    @Override
    public void run() {
        try (LocalIntake intake = cli().open(cli().stateDirectory(), faults)) {
            List<Run> runs = intake.upload(jobId, file);
            if (runs.isEmpty()) {
                explainNoRun(intake.job(jobId));
            } else if (waitForEnd) {
                Outcome.report(this, intake, runs, json);
            } else if (json) {
                out().println(Json.write(Json.runs(runs, intake::failedRecordsFile)));
            } else {
                runs.stream().findFirst().ifPresent(run -> out().println("Started run " + run.id()
                        + " of job " + jobId + "; see: intake runs show " + run.id()));
            }
        }
    }

    /**
     * The arrival started nothing: say what became of the file and how to get it imported. With
     * {@code --wait} that is a failure of its own (exit 5): the caller waited for a run.
     */
    private void explainNoRun(Job job) {
        String key = job.definition().source().prefix() + file.getFileName();
        String why = switch (job.status()) {
            case PAUSED, HALTED -> "job " + job.id() + " is " + Labels.of(job.status())
                    + "; the file " + key + " is kept as pending and imported when the job is"
                    + " reactivated (intake jobs reactivate " + job.id() + ")";
            case ACTIVE -> "this version of the file was delivered before, and started its run"
                    + " then; see intake runs list " + job.id();
            case COMPLETED -> "job " + job.id() + " is Completed (a one-time job that has run);"
                    + " the file " + key + " stays in the bucket and is not imported; create a"
                    + " new job to import it";
            default -> "job " + job.id() + " is " + Labels.of(job.status()) + "; the file " + key
                    + " stays in the bucket but activating the job does not import it: activate"
                    + " the job (intake jobs activate " + job.id() + "), then upload the file"
                    + " again";
        };
        if (waitForEnd) {
            throw new CliFailure(ExitCode.NO_RUN, "no run started: " + why + ".");
        }
        out().println("No run started: " + why + ".");
    }
}
