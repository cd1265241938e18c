package dev.intake.local.cli;

import dev.intake.job.Job;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.StatusChange;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The human-readable tables and blocks the commands print. */
final class Views {

    /** Reasons longer than this are cut in tables; {@code runs show} prints them whole. */
    static final int REASON_WIDTH = 72;

    private Views() {}

    /** An instant to the second, which is what a person compares in a table. */
    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String shortReason(FailureReason reason) {
        String text = reason(reason);
        return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 1) + "…";
    }

    static String prefix(Job job) {
        return job.definition().source() == null ? "-" : job.definition().source().prefix();
    }

    static Table jobTable(LocalIntake intake, List<Job> jobs) {
        Table table = new Table("JOB", "NAME", "STATUS", "SINCE", "PREFIX", "LAST RUN");
        for (Job job : jobs) {
            String lastRun = intake.runs(job.id()).stream().findFirst()
                    .map(run -> Labels.of(run.status())).orElse("-");
            table.row(job.id(), job.definition().name(), Labels.of(job.status()),
                    time(job.statusSince()), prefix(job), lastRun);
        }
        return table;
    }

    static Table runTable(LocalIntake intake, List<Run> runs) {
        Table table = new Table("RUN", "ATTEMPT", "STARTED", "STATUS", "READ", "IMPORTED",
                "FAILED", "DUPS", "FAILED %", "REASON");
        for (Run run : runs) {
            RunCounts counts = counts(run);
            String started = run.history().isEmpty() ? "-" : time(run.history().get(0).at());
            table.row(run.id(), run.attempt(), started, Labels.of(run.status()), counts.read(),
                    counts.imported(), counts.failed(), counts.duplicates(),
                    counts.failedPercent(), shortReason(run.reason()));
        }
        return table;
    }

    static void printJob(PrintWriter out, Job job) {
        out.println("Job      " + job.id() + " (" + job.definition().name() + ")");
        out.println("Status   " + Labels.of(job.status()) + " since " + time(job.statusSince()));
        out.println("Prefix   " + prefix(job));
        out.println("Table    " + (job.definition().destination() == null ? "-"
                : job.definition().destination().table()));
    }

    static void printRun(PrintWriter out, LocalIntake intake, Run run) {
        RunCounts counts = counts(run);
        out.println("Run            " + run.id() + " (attempt " + run.attempt()
                + (run.rerunOf() == null ? "" : ", rerun of " + run.rerunOf()) + ")");
        out.println("Job            " + run.jobId());
        out.println("Status         " + Labels.of(run.status()));
        out.println("Source         " + (run.source() == null ? "-"
                : run.source().bucket() + "/" + run.source().key()));
        out.println("Counts         read " + counts.read() + ", valid " + counts.valid()
                + ", imported " + counts.imported() + ", failed " + counts.failed()
                + ", duplicates " + counts.duplicates());
        out.println("Failed %       " + counts.failedPercent());
        out.println("Reason         " + reason(run.reason()));
        out.println("Failed records " + intake.failedRecordsFile(run).map(Object::toString)
                .orElse("-"));
        if (run.nextRerunAt() != null) {
            out.println("Next rerun     " + time(run.nextRerunAt()));
        }
        out.println("History");
        for (StatusChange change : run.history()) {
            out.println("  " + time(change.at()) + "  " + change.status()
                    + (change.cause() == null ? "" : "  (" + change.cause() + ")"));
        }
    }

    static RunCounts counts(Run run) {
        return run.counts() == null ? RunCounts.NONE : run.counts();
    }

    static String reason(FailureReason reason) {
        return reason == null ? "-" : reason.code() + ": " + reason.message();
    }
}
