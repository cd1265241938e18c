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
            + " the run ends Failed or Halted.")
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

    /** The arrival started nothing: say why and where the file is, rather than stay silent. */
    private void explainNoRun(Job job) {
        String why = switch (job.status()) {
            case PAUSED, HALTED -> "job " + job.id() + " is " + Labels.of(job.status())
                    + "; the file is kept as pending and imported when the job is reactivated";
            case ACTIVE -> "this version of the file was delivered before, and started its run"
                    + " then; see intake runs list " + job.id();
            default -> "job " + job.id() + " is " + Labels.of(job.status()) + "; only an Active"
                    + " job imports files (intake jobs activate " + job.id() + ")";
        };
        out().println("No run started: " + why + ".");
    }
}
