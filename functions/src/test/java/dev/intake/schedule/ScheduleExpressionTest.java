package dev.intake.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleExpressionTest {

    @Nested
    class FireTimes {

        static Stream<FireTimeCases.Case> handDerivedCases() {
            return FireTimeCases.load("/schedule/fire-times.txt").stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("handDerivedCases")
        void nextTenFireTimesAreTheHandDerivedOnes(FireTimeCases.Case given) {
            ScheduleExpression expression = ScheduleExpression.parse(given.expression());

            List<Instant> next = expression.next(10, given.after(), given.window());

            assertThat(next).containsExactlyElementsOf(given.expected());
        }

        @Test
        void theDataFileHoldsAtLeastTwentyCasesOfTenFireTimes() {
            assertThat(handDerivedCases().filter(c -> c.expected().size() == 10))
                    .hasSizeGreaterThan(20);
        }

        @Test
        void aZoneAloneServesCronAndOneTimeExpressions() {
            ZoneId newYork = ZoneId.of("America/New_York");
            Instant after = Instant.parse("2026-11-01T04:30:00Z");

            assertThat(ScheduleExpression.parse("cron(0 * * * ? *)").next(2, after, newYork))
                    .containsExactly(
                            Instant.parse("2026-11-01T05:00:00Z"),
                            Instant.parse("2026-11-01T07:00:00Z"));
            assertThat(ScheduleExpression.parse("at(2026-11-01T01:30:00)")
                    .nextAfter(after, newYork))
                    .contains(Instant.parse("2026-11-01T05:30:00Z"));
        }

        @Test
        void nextAfterIsTheFirstOfNext() {
            ScheduleExpression daily = ScheduleExpression.parse("cron(0 6 * * ? *)");
            ScheduleWindow paris = ScheduleWindow.in(ZoneId.of("Europe/Paris"));

            assertThat(daily.nextAfter(Instant.parse("2026-03-28T05:00:00Z"), paris))
                    .contains(Instant.parse("2026-03-29T04:00:00Z"));
        }
    }

    @Nested
    class Parsing {

        @Test
        void keepsTheTextAsWritten() {
            assertThat(ScheduleExpression.parse(" cron(0 6 * * ? *) ").text())
                    .isEqualTo("cron(0 6 * * ? *)");
            assertThat(ScheduleExpression.parse("rate(1 hour)").text()).isEqualTo("rate(1 hour)");
            assertThat(ScheduleExpression.parse("at(2026-12-24T06:00:00)").text())
                    .isEqualTo("at(2026-12-24T06:00:00)");
        }

        @Test
        void readsEachKindIntoItsOwnType() {
            assertThat(ScheduleExpression.parse("rate(15 minutes)"))
                    .isEqualTo(new RateExpression(15, RateExpression.Unit.MINUTE));
            assertThat(ScheduleExpression.parse("at(2026-12-24T06:00:00)"))
                    .isEqualTo(new AtExpression(LocalDateTime.of(2026, 12, 24, 6, 0)));
            assertThat(ScheduleExpression.parse("cron(0 6 * * ? *)"))
                    .isInstanceOf(CronExpression.class);
        }

        @Test
        void acceptsNamesInAnyCaseAndAStarStep() {
            ScheduleWindow utc = ScheduleWindow.in(ZoneOffset.UTC);
            Instant after = Instant.parse("2026-07-01T00:00:00Z");

            assertThat(ScheduleExpression.parse("cron(*/30 9 ? jul wed 2026)").next(3, after, utc))
                    .containsExactly(
                            Instant.parse("2026-07-01T09:00:00Z"),
                            Instant.parse("2026-07-01T09:30:00Z"),
                            Instant.parse("2026-07-08T09:00:00Z"));
        }

        static Stream<Arguments> invalidExpressions() {
            return InvalidExpressions.load("/schedule/invalid-expressions.txt").stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidExpressions")
        void refusesWhatAwsRefusesNamingTheFieldAndTheFix(String expression, String message) {
            assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                    .isInstanceOf(InvalidScheduleExpressionException.class)
                    .hasMessage(message);
        }
    }

    @Nested
    class Rates {

        @Test
        void needAStartToCountFrom() {
            ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)");

            assertThatThrownBy(() -> rate.nextAfter(Instant.EPOCH, ZoneOffset.UTC))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rate(5 minutes) counts from its start; give the schedule window a"
                            + " start, such as the time the schedule was created");
        }

        @Test
        void giveTheirPeriod() {
            assertThat(new RateExpression(3, RateExpression.Unit.DAY).period())
                    .isEqualTo(java.time.Duration.ofHours(72));
        }
    }
}
