package dev.intake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.job.JobDefinition.Schedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduledJobTest {

    private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aJobWithoutScheduleHasNone() {
        assertThat(ScheduledJob.of("zips", new Schedule("none", null, null, null), CREATED))
                .isEmpty();
        assertThat(ScheduledJob.of("zips", null, CREATED)).isEmpty();
    }

    @Test
    void aRecurringScheduleIsReadInItsZoneAndCountsFromItsCreation() {
        ScheduledJob job = ScheduledJob.of("zips",
                new Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Paris"), CREATED)
                .orElseThrow();

        assertThat(job.window()).isEqualTo(ScheduleWindow.from(CREATED, ZoneId.of("Europe/Paris")));
        assertThat(job.nextAfter(CREATED)).contains(Instant.parse("2026-12-05T05:00:00Z"));
    }

    @Test
    void aScheduleWithoutZoneIsReadInUtcAsOnAws() {
        ScheduledJob job = ScheduledJob.of("zips",
                new Schedule("recurring", "cron(0 6 * * ? *)", null, null), CREATED).orElseThrow();

        assertThat(job.window().zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aOneTimeScheduleTakesItsAtWithOrWithoutTheWrapper() {
        AtExpression expected = new AtExpression(LocalDateTime.of(2026, 12, 24, 6, 0));

        assertThat(ScheduledJob.of("x", new Schedule("one-time", null, "2026-12-24T06:00:00", null),
                CREATED).orElseThrow().expression()).isEqualTo(expected);
        assertThat(ScheduledJob.of("x", new Schedule("one-time", null, "at(2026-12-24T06:00:00)",
                null), CREATED).orElseThrow().expression()).isEqualTo(expected);
    }

    @Test
    void anUnknownZoneIsNamedWithTheFix() {
        assertThatThrownBy(() -> ScheduledJob.of("zips",
                new Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Pariss"), CREATED))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("cron(0 6 * * ? *): time zone \"Europe/Pariss\" is unknown; use an IANA"
                        + " name such as \"Europe/Paris\"");
    }

    @Test
    void aRecurringScheduleCannotBeOneTime() {
        assertThatThrownBy(() -> ScheduledJob.of("zips",
                new Schedule("recurring", "at(2026-12-24T06:00:00)", null, null), CREATED))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("at(2026-12-24T06:00:00): job \"zips\" is recurring but at(...) runs"
                        + " once; use rate(...) or cron(...), or make the schedule one-time with"
                        + " \"at\"");
    }

    @Test
    void anUnknownTypeIsNamed() {
        assertThatThrownBy(() -> ScheduledJob.of("zips",
                new Schedule("weekly", "cron(0 6 * * ? *)", null, null), CREATED))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("job \"zips\": schedule type \"weekly\" is unknown; use recurring,"
                        + " one-time or none");
    }

    @Test
    void aOneTimeScheduleWithoutAtIsNamed() {
        assertThatThrownBy(() -> ScheduledJob.of("zips",
                new Schedule("one-time", null, null, null), CREATED))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("job \"zips\": a one-time schedule needs \"at\", such as"
                        + " \"2026-12-24T06:00:00\"");
    }

    @Test
    void aRecurringScheduleWithoutExpressionIsNamed() {
        assertThatThrownBy(() -> ScheduledJob.of("zips",
                new Schedule("recurring", " ", null, null), CREATED))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("job \"zips\": a recurring schedule needs an expression, such as"
                        + " \"cron(0 6 * * ? *)\"");
    }
}
