package dev.intake.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.fake.MutableClock;
import dev.intake.job.JobDefinition.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerLoopTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InProcessJobSchedules schedules = new InProcessJobSchedules(clock);

    @Test
    void aTickHandsEachDueFiringToTheCallback() {
        List<Firing> started = new ArrayList<>();
        schedules.put("zips", new Schedule("recurring", "rate(1 minute)", null, null));
        try (SchedulerLoop loop =
                new SchedulerLoop(schedules, started::add, Duration.ofSeconds(1))) {
            loop.tickOnce();
            clock.advance(Duration.ofMinutes(1));
            loop.tickOnce();
        }

        assertThat(started).containsExactly(
                new Firing("zips", T0), new Firing("zips", T0.plusSeconds(60)));
    }

    @Test
    void aFailingCallbackDoesNotStopTheOtherFiringsNorRetries() {
        List<Firing> started = new ArrayList<>();
        schedules.put("broken", new Schedule("recurring", "rate(1 minute)", null, null));
        schedules.put("zips", new Schedule("recurring", "rate(1 minute)", null, null));
        try (SchedulerLoop loop = new SchedulerLoop(schedules, firing -> {
            if (firing.jobId().equals("broken")) {
                throw new IllegalStateException("state machine unavailable");
            }
            started.add(firing);
        }, Duration.ofSeconds(1))) {
            loop.tickOnce();
            loop.tickOnce();
        }

        assertThat(started).containsExactly(new Firing("zips", T0));
        assertThat(schedules.nextRun("broken")).contains(T0.plusSeconds(60));
    }
}
