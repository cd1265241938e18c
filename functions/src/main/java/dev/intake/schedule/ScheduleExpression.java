package dev.intake.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An EventBridge Scheduler schedule expression: {@code rate(5 minutes)},
 * {@code cron(0 6 * * ? *)} or {@code at(2026-12-24T06:00:00)}, parsed and checked as AWS does,
 * and evaluated without AWS.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /**
     * Parses an expression. Throws {@link InvalidScheduleExpressionException} naming the field at
     * fault and the fix when AWS would refuse it.
     */
    static ScheduleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScheduleExpressionException(
                    String.valueOf(text),
                    "the expression is empty; write rate(...), cron(...) or at(...)");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("rate(")) {
            return RateExpression.parse(trimmed);
        }
        if (trimmed.startsWith("cron(")) {
            return CronParser.parse(trimmed);
        }
        if (trimmed.startsWith("at(")) {
            return AtExpression.parse(trimmed);
        }
        throw new InvalidScheduleExpressionException(
                trimmed, "unknown kind of expression; write rate(...), cron(...) or at(...)");
    }

    /** The expression as written, such as {@code cron(0 6 * * ? *)}. */
    String text();

    /** The first time strictly after {@code after} that the schedule fires, if it ever does. */
    Optional<Instant> nextAfter(Instant after, ScheduleWindow window);

    /**
     * The first fire time after {@code after} in {@code zone}, with no start or end. A rate has
     * nothing to count from this way and throws {@link IllegalArgumentException}; give it a
     * {@link ScheduleWindow} with a start.
     */
    default Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        return nextAfter(after, ScheduleWindow.in(zone));
    }

    /** As {@link #next(int, Instant, ScheduleWindow)} with no start or end. */
    default List<Instant> next(int count, Instant after, ZoneId zone) {
        return next(count, after, ScheduleWindow.in(zone));
    }

    /** Up to {@code count} fire times strictly after {@code after}, earliest first. */
    default List<Instant> next(int count, Instant after, ScheduleWindow window) {
        List<Instant> times = new ArrayList<>(count);
        Instant cursor = after;
        while (times.size() < count) {
            Optional<Instant> next = nextAfter(cursor, window);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            cursor = next.get();
        }
        return List.copyOf(times);
    }
}
