package dev.intake.local.cli;

import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import java.util.List;

/** Prints the runs a command caused and fails the command when the last one did not succeed. */
final class Outcome {

    private Outcome() {}

    static void report(CliCommand command, LocalIntake intake, List<Run> runs, boolean json) {
        if (json) {
            command.out().println(Json.write(Json.runs(runs, intake::failedRecordsFile)));
        } else {
            printTimeline(command, intake, runs);
        }
        failIfUnsuccessful(runs);
    }

    private static void printTimeline(CliCommand command, LocalIntake intake, List<Run> runs) {
        for (Run run : runs) {
            String time = run.history().isEmpty() ? "-" : Views.time(run.history().get(0).at());
            command.out().println(time + "  " + run.id() + "  attempt " + run.attempt() + "  "
                    + Labels.of(run.status()) + "  " + Views.shortReason(run.reason()));
        }
        if (runs.size() > 1) {
            command.out().println("(virtual times: the reruns waited 900 s each on the workflow's"
                    + " clock, not in real time)");
        }
        if (!runs.isEmpty()) {
            command.out().println();
            Views.printRun(command.out(), intake, runs.get(runs.size() - 1));
        }
    }

    private static void failIfUnsuccessful(List<Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        Run last = runs.get(runs.size() - 1);
        if (last.status() == RunStatus.FAILED || last.status() == RunStatus.HALTED) {
            throw new CliFailure(ExitCode.RUN_FAILED, "run " + last.id() + " of job " + last.jobId()
                    + " ended " + Labels.of(last.status()) + ": " + Views.reason(last.reason()));
        }
    }
}
