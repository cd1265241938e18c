package dev.intake.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where and when a schedule expression is read: the time zone its local times belong to, and the
 * start and end dates between which it may fire (EventBridge Scheduler's
 * {@code ScheduleExpressionTimezone}, {@code StartDate} and {@code EndDate}).
 *
 * <p>A rate schedule counts from {@code start}: AWS starts a rate at the schedule's start date, or
 * at its creation when none is given, so callers pass the creation time. Cron schedules fire at
 * no time before {@code start}; a one-time schedule ignores both dates, as AWS does.
 *
 * @param start the first instant the schedule may fire, or null for none
 * @param end   the last instant the schedule may fire, or null for none
 */
public record ScheduleWindow(ZoneId zone, Instant start, Instant end) {

    public ScheduleWindow {
        Objects.requireNonNull(zone, "zone");
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "schedule window ends at " + end + " before it starts at " + start
                            + "; give an end after the start");
        }
    }

    /** No start or end: fit for cron and one-time schedules. */
    public static ScheduleWindow in(ZoneId zone) {
        return new ScheduleWindow(zone, null, null);
    }

    /** Starting at {@code start}, with no end. */
    public static ScheduleWindow from(Instant start, ZoneId zone) {
        return new ScheduleWindow(zone, Objects.requireNonNull(start, "start"), null);
    }

    /** UTC, AWS's zone when a schedule names none. */
    public static ScheduleWindow utcFrom(Instant start) {
        return from(start, ZoneOffset.UTC);
    }

    boolean allows(Instant instant) {
        return (start == null || !instant.isBefore(start))
                && (end == null || !instant.isAfter(end));
    }

    /** Where a search for fire times strictly after {@code after} starts: never before start. */
    Instant searchFrom(Instant after) {
        if (start != null && after.isBefore(start)) {
            return start.minusNanos(1);
        }
        return after;
    }
}
