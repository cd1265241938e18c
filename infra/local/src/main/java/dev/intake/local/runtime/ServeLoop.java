package dev.intake.local.runtime;

import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.run.Run;
import dev.intake.schedule.Firing;
import dev.intake.schedule.InProcessJobSchedules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What {@code intake serve} does on each tick, on one thread: keeps the in-process scheduler in
 * step with the jobs (Active jobs with a schedule fire, others do not), starts a run for every
 * due time, and uploads every file dropped into {@code inbox/<job-id>/}, moving it to
 * {@code inbox/<job-id>/imported/} once its run has started.
 *
 * <p>Shortcut: the workflow runs on the ticking thread, so a rerun's 900-second wait holds up
 * the next tick; ends when executions run on their own threads (Interpreter.start).
 */
public final class ServeLoop {

    static final String INBOX = "inbox";
    static final String IMPORTED = "imported";

    private final LocalIntake intake;
    private final InProcessJobSchedules schedules;
    private final Consumer<String> report;

    /** @param report told one line per run started, for the console */
    public ServeLoop(LocalIntake intake, InProcessJobSchedules schedules, Consumer<String> report) {
        this.intake = intake;
        this.schedules = schedules;
        this.report = report;
    }

    /** The folder files are dropped into, one sub-folder per job. */
    public Path inbox() {
        return intake.stateDirectory().resolve(INBOX);
    }

    /** One tick; returns the runs it started, in order. */
    public List<Run> tick() {
        List<Run> runs = new ArrayList<>();

        syncSchedules();

        for (Firing firing : schedules.tick()) {
            List<Run> started = intake.startScheduled(firing.jobId(), firing.dueAt());
            if (started.isEmpty()) {
                report.accept(firing.jobId() + "  no run  (schedule " + firing.dueAt()
                        + ": no file under the prefix that is not imported already)");
            }
            runs.addAll(reported("schedule " + firing.dueAt(), started));
        }

        for (Job job : intake.jobs()) {
            for (Path file : dropped(job.id())) {
                runs.addAll(reported(file.toString(), intake.upload(job.id(), file)));
                moveToImported(file);
            }
        }
        return runs;
    }

    private void syncSchedules() {
        for (Job job : intake.jobs()) {
            boolean wanted = job.status() == JobStatus.ACTIVE && job.definition().schedule() != null
                    && !"none".equals(job.definition().schedule().type());
            boolean present = schedules.find(job.id()).isPresent();
            if (wanted && !present) {
                schedules.put(job.id(), job.definition().schedule());
            } else if (!wanted && present) {
                schedules.delete(job.id());
            }
        }
    }

    private List<Run> reported(String cause, List<Run> runs) {
        for (Run run : runs) {
            report.accept(run.jobId() + "  " + run.id() + "  attempt " + run.attempt() + "  "
                    + run.status().label() + "  (" + cause + ")");
        }
        return runs;
    }

    private List<Path> dropped(String jobId) {
        Path folder = inbox().resolve(jobId);
        createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Keeps the file, under a numbered name when one of the same name was imported before. */
    private static void moveToImported(Path file) {
        Path imported = file.resolveSibling(IMPORTED);
        createDirectories(imported);
        Path target = imported.resolve(file.getFileName());
        for (int n = 2; Files.exists(target); n++) {
            target = imported.resolve(file.getFileName() + "." + n);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + imported, e);
        }
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }
}
