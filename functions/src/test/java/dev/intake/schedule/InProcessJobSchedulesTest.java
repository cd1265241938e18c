package dev.intake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.MutableClock;
import dev.intake.job.JobDefinition.Schedule;
import dev.intake.port.JobSchedules.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InProcessJobSchedulesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Schedule EVERY_MINUTE =
            new Schedule("recurring", "rate(1 minute)", null, null);

    private final MutableClock clock = new MutableClock(T0);
    private final InProcessJobSchedules schedules = new InProcessJobSchedules(clock);

    /** Ticks once a second from the clock's time until {@code until}, collecting every firing. */
    private List<Firing> tickEverySecondUntil(Instant until) {
        List<Firing> firings = new ArrayList<>(schedules.tick());
        while (clock.instant().isBefore(until)) {
            clock.advance(Duration.ofSeconds(1));
            firings.addAll(schedules.tick());
        }
        return firings;
    }

    private static Firing firing(String jobId, String dueAt) {
        return new Firing(jobId, Instant.parse(dueAt));
    }

    @Nested
    class Firings {

        @Test
        void aRateOfOneMinuteFiresAtOnceThenOnEachMinute() {
            schedules.put("zips", EVERY_MINUTE);

            List<Firing> firings = tickEverySecondUntil(Instant.parse("2026-12-04T10:03:30Z"));

            assertThat(firings).containsExactly(
                    firing("zips", "2026-12-04T10:00:00Z"),
                    firing("zips", "2026-12-04T10:01:00Z"),
                    firing("zips", "2026-12-04T10:02:00Z"),
                    firing("zips", "2026-12-04T10:03:00Z"));
        }

        @Test
        void aDueTimeFiresOnceHoweverOftenItIsTicked() {
            schedules.put("zips", EVERY_MINUTE);

            assertThat(schedules.tick()).containsExactly(firing("zips", "2026-12-04T10:00:00Z"));
            assertThat(schedules.tick()).isEmpty();
            assertThat(schedules.tick()).isEmpty();
        }

        @Test
        void afterAPausedClockEveryMissedDueTimeFiresOnceInOrder() {
            schedules.put("zips", EVERY_MINUTE);
            schedules.tick();

            clock.advance(Duration.ofMinutes(3).plusSeconds(59));

            assertThat(schedules.tick()).containsExactly(
                    firing("zips", "2026-12-04T10:01:00Z"),
                    firing("zips", "2026-12-04T10:02:00Z"),
                    firing("zips", "2026-12-04T10:03:00Z"));
        }

        @Test
        void aClockGoingBackwardsFiresNothingAgain() {
            schedules.put("zips", EVERY_MINUTE);
            clock.advance(Duration.ofMinutes(2));
            schedules.tick();

            clock.set(T0.plusSeconds(30));

            assertThat(schedules.tick()).isEmpty();
            assertThat(schedules.nextRun("zips")).contains(Instant.parse("2026-12-04T10:03:00Z"));
        }

        @Test
        void jobsDueTogetherFireByDueTimeThenId() {
            schedules.put("b-job", EVERY_MINUTE);
            schedules.put("a-job", EVERY_MINUTE);
            schedules.put("c-job", new Schedule("recurring", "cron(0/2 * * * ? *)", null, "UTC"));
            schedules.tick();

            clock.advance(Duration.ofMinutes(2));

            assertThat(schedules.tick()).containsExactly(
                    firing("a-job", "2026-12-04T10:01:00Z"),
                    firing("b-job", "2026-12-04T10:01:00Z"),
                    firing("a-job", "2026-12-04T10:02:00Z"),
                    firing("b-job", "2026-12-04T10:02:00Z"),
                    firing("c-job", "2026-12-04T10:02:00Z"));
        }

        @Test
        void aDailyCronInParisSkipsTheMissingHourAndKeepsItsLocalTime() {
            clock.set(Instant.parse("2026-03-27T00:00:00Z"));
            schedules.put("night", new Schedule("recurring", "cron(30 2 * * ? *)", null,
                    "Europe/Paris"));

            List<Firing> firings = new ArrayList<>();
            while (clock.instant().isBefore(Instant.parse("2026-03-31T12:00:00Z"))) {
                clock.advance(Duration.ofMinutes(1));
                firings.addAll(schedules.tick());
            }

            // 02:30 CET = 01:30Z on 27 and 28 March; none on 29 March (02:30 does not exist);
            // 02:30 CEST = 00:30Z from 30 March.
            assertThat(firings).containsExactly(
                    firing("night", "2026-03-27T01:30:00Z"),
                    firing("night", "2026-03-28T01:30:00Z"),
                    firing("night", "2026-03-30T00:30:00Z"),
                    firing("night", "2026-03-31T00:30:00Z"));
        }

        @Test
        void aOneTimeScheduleFiresOnceAndThenHasNoNextRun() {
            clock.set(Instant.parse("2026-12-24T04:59:00Z"));
            schedules.put("xmas", new Schedule("one-time", null, "2026-12-24T06:00:00",
                    "Europe/Paris"));

            List<Firing> firings = tickEverySecondUntil(Instant.parse("2026-12-24T05:10:00Z"));

            assertThat(firings).containsExactly(firing("xmas", "2026-12-24T05:00:00Z"));
            assertThat(schedules.nextRun("xmas")).isEmpty();
        }
    }

    @Nested
    class States {

        @Test
        void aDisabledScheduleDoesNotFireAndIsNotCaughtUpWhenEnabled() {
            schedules.put("zips", EVERY_MINUTE);
            schedules.tick();
            clock.advance(Duration.ofSeconds(30));
            schedules.disable("zips");
            clock.advance(Duration.ofMinutes(3));

            assertThat(schedules.tick()).isEmpty();

            schedules.enable("zips");
            clock.advance(Duration.ofSeconds(31));

            assertThat(schedules.tick()).containsExactly(firing("zips", "2026-12-04T10:04:00Z"));
        }

        @Test
        void disablingChangesTheStateAndNothingElse() {
            Schedule daily = new Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Paris");
            schedules.put("zips", daily);

            schedules.disable("zips");

            assertThat(schedules.find("zips")).contains(new State(daily, false));
            assertThat(schedules.nextRun("zips")).isEmpty();
        }

        @Test
        void enablingAnEnabledScheduleFiresNothingTwice() {
            schedules.put("zips", EVERY_MINUTE);
            schedules.tick();

            schedules.enable("zips");

            assertThat(schedules.tick()).isEmpty();
        }

        @Test
        void puttingAgainReplacesTheScheduleAndRestartsTheRate() {
            schedules.put("zips", EVERY_MINUTE);
            schedules.tick();
            clock.advance(Duration.ofSeconds(20));

            schedules.put("zips", new Schedule("recurring", "rate(5 minutes)", null, null));

            assertThat(schedules.tick()).containsExactly(firing("zips", "2026-12-04T10:00:20Z"));
            assertThat(schedules.nextRun("zips")).contains(Instant.parse("2026-12-04T10:05:20Z"));
        }

        @Test
        void aDeletedScheduleIsGoneAndFiresNoMore() {
            schedules.put("zips", EVERY_MINUTE);
            schedules.tick();

            schedules.delete("zips");
            clock.advance(Duration.ofMinutes(5));

            assertThat(schedules.tick()).isEmpty();
            assertThat(schedules.find("zips")).isEmpty();
        }

        @Test
        void changingAScheduleThatDoesNotExistIsRefused() {
            assertThatThrownBy(() -> schedules.disable("ghost"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no schedule for job \"ghost\"; activate the job to create one");
        }

        @Test
        void anInvalidExpressionIsRefusedWhenPut() {
            assertThatThrownBy(() -> schedules.put("zips",
                    new Schedule("recurring", "cron(0 6 * * * *)", null, "UTC")))
                    .isInstanceOf(InvalidScheduleExpressionException.class)
                    .hasMessage("cron(0 6 * * * *): day-of-month and day-of-week cannot both be"
                            + " \"*\"; use \"?\" in one of them");
            assertThat(schedules.find("zips")).isEmpty();
        }

        @Test
        void theEarliestNextRunOfAllSchedulesIsKnown() {
            schedules.put("daily", new Schedule("recurring", "cron(0 6 * * ? *)", null, "UTC"));
            schedules.put("hourly", new Schedule("recurring", "rate(1 hour)", null, null));
            schedules.tick();

            assertThat(schedules.nextDue()).contains(Instant.parse("2026-12-04T11:00:00Z"));
        }
    }
}
