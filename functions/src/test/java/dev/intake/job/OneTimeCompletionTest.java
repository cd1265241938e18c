package dev.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.fake.FakeJobSchedules;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.JobDefinitions;
import dev.intake.fake.MutableClock;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneTimeCompletionTest {

    private static final Instant T0 = Instant.parse("2026-12-24T05:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final FakeJobSchedules schedules = new FakeJobSchedules();
    private final JobLifecycle lifecycle = new JobLifecycle(jobs, schedules,
            new InMemoryPendingFiles(), clock);
    private final OneTimeCompletion completion = new OneTimeCompletion(jobs, lifecycle);

    private void seed(JobDefinition definition, JobStatus status) {
        jobs.seed(definition, status, T0);
        schedules.put(definition.id(), definition.schedule());
    }

    private static Run attempt(RunStatus status, Instant nextRerunAt) {
        return new Run("run-1", "xmas", 1, null, Trigger.SCHEDULE,
                new SourceObject("b", "incoming/xmas/a.csv", "1", "e", 3), status,
                RunCounts.NONE, null, null, "ex-1", nextRerunAt, List.of());
    }

    @Test
    void completesAOneTimeJobWhenItsRunHasEnded() {
        seed(JobDefinitions.oneTime("xmas", "2026-12-24T06:00:00", "Europe/Paris"),
                JobStatus.ACTIVE);

        Optional<Job> done = completion.afterScheduledFiring("xmas",
                Optional.of(attempt(RunStatus.PARTIALLY_COMPLETED, null)), "serve");

        assertThat(done.map(Job::status)).contains(JobStatus.COMPLETED);
        List<StatusChange> history = jobs.history("xmas");
        assertThat(history.get(history.size() - 1).cause())
                .isEqualTo("serve: run run-1 ended partially_completed");
        assertThat(schedules.find("xmas")).isEmpty();
    }

    @Test
    void completesItWhenItsFiringFoundNoFile() {
        seed(JobDefinitions.oneTime("xmas", "2026-12-24T06:00:00", "Europe/Paris"),
                JobStatus.ACTIVE);

        Optional<Job> done = completion.afterScheduledFiring("xmas", Optional.empty(), "serve");

        assertThat(done.map(Job::status)).contains(JobStatus.COMPLETED);
        List<StatusChange> history = jobs.history("xmas");
        assertThat(history.get(history.size() - 1).cause())
                .isEqualTo("serve: its schedule found no file to import");
    }

    @Test
    void waitsWhileARerunIsToCome() {
        seed(JobDefinitions.oneTime("xmas", "2026-12-24T06:00:00", "Europe/Paris"),
                JobStatus.ACTIVE);

        Optional<Job> done = completion.afterScheduledFiring("xmas",
                Optional.of(attempt(RunStatus.FAILED, T0.plusSeconds(900))), "serve");

        assertThat(done).isEmpty();
        assertThat(jobs.find("xmas").orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
    }

    @Test
    void leavesAHaltedOneTimeJobForAPerson() {
        seed(JobDefinitions.oneTime("xmas", "2026-12-24T06:00:00", "Europe/Paris"),
                JobStatus.HALTED);

        assertThat(completion.afterScheduledFiring("xmas",
                Optional.of(attempt(RunStatus.HALTED, null)), "serve")).isEmpty();
        assertThat(jobs.find("xmas").orElseThrow().status()).isEqualTo(JobStatus.HALTED);
    }

    @Test
    void leavesARecurringJobActive() {
        seed(JobDefinitions.recurring("xmas", "rate(1 day)", "UTC"), JobStatus.ACTIVE);

        assertThat(completion.afterScheduledFiring("xmas",
                Optional.of(attempt(RunStatus.COMPLETED, null)), "serve")).isEmpty();
        assertThat(jobs.find("xmas").orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
    }
}
