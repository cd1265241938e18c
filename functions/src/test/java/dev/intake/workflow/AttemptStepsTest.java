package dev.intake.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.fake.FakeJobSchedules;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.JobDefinitions;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.testing.InMemoryDestinationStore;
import dev.intake.testing.InMemoryObjectStore;
import dev.intake.testing.InMemoryRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AttemptStepsTest {

    private static final Instant NOW = Instant.parse("2026-12-24T06:05:00Z");
    private static final String JOB = "year-end";
    private static final JobDefinition.Schedule ONCE =
            new JobDefinition.Schedule("one-time", null, "2026-12-24T06:00:00", "UTC");
    private static final SourceObject FILE =
            new SourceObject("intake-files", "incoming/year-end/a.csv", "v1", "etag", 10);

    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final FakeJobSchedules schedules = new FakeJobSchedules();
    private final Services services = new Services(new InMemoryObjectStore(), jobs, runs,
            new InMemoryDestinationStore(), email -> "unused", schedules,
            new InMemoryPendingFiles(), (name, request) -> {
                throw new AssertionError("FinishRun starts no execution");
            }, Clock.fixed(NOW, ZoneOffset.UTC), WorkflowConfig.defaults("intake-files"),
            FaultInjector.NONE);
    private final AttemptSteps steps = new AttemptSteps(services);

    private void activeJob(JobDefinition.Schedule schedule) {
        jobs.seed(JobDefinitions.withSchedule(JOB, schedule), JobStatus.ACTIVE, NOW);
        schedules.put(JOB, schedule);
    }

    private Run run(String id, int attempt, String rerunOf, Trigger trigger, RunStatus status) {
        return runs.create(new Run(id, JOB, attempt, rerunOf, trigger, FILE, status,
                RunCounts.NONE, null, null, "exec", null, List.of())).run();
    }

    private AttemptState finish(Run run) {
        return steps.finish(new AttemptState(run.id(), JOB, run.attempt(), run.status(),
                Step.FINISH, AttemptState.Outcome.RUNNING, RunCounts.NONE, null));
    }

    @Nested
    class OneTimeJobs {

        @Test
        void theRunItsScheduleStartedCompletesTheJobAndDeletesTheSchedule() {
            activeJob(ONCE);

            finish(run("E-1", 1, null, Trigger.SCHEDULE, RunStatus.COMPLETED));

            assertThat(jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(schedules.find(JOB)).isEmpty();
            assertThat(jobs.history(JOB).get(jobs.history(JOB).size() - 1).cause())
                    .isEqualTo("schedule: run E-1 ended completed");
        }

        @Test
        void aRerunOfTheScheduledRunCompletesTheJobToo() {
            activeJob(ONCE);
            run("E-1", 1, null, Trigger.SCHEDULE, RunStatus.FAILED);

            finish(run("E-2", 2, "E-1", Trigger.RERUN, RunStatus.PARTIALLY_COMPLETED));

            assertThat(jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        }

        @Test
        void anUploadedFileLeavesTheJobActive() {
            activeJob(ONCE);

            finish(run("E-1", 1, null, Trigger.UPLOAD, RunStatus.COMPLETED));

            assertThat(jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
        }

        @Test
        void aRecurringJobStaysActiveAfterItsScheduledRun() {
            activeJob(new JobDefinition.Schedule("recurring", "rate(1 day)", null, "UTC"));

            finish(run("E-1", 1, null, Trigger.SCHEDULE, RunStatus.COMPLETED));

            assertThat(jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
        }
    }
}
