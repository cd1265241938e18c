package dev.intake.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} in AWS's dialect, read in the
 * window's time zone.
 *
 * <p>Daylight saving, as AWS documents for EventBridge Scheduler: a local time that does not exist
 * because the clocks went forward is skipped that day (no run at another time instead), and a
 * local time that occurs twice because the clocks went back fires once, at its first occurrence
 * (the earlier instant, still on summer time). An hourly schedule in New York therefore fires at
 * 01:00 EDT and next at 02:00 EST on the night the clocks go back, two hours apart.
 */
public final class CronExpression implements ScheduleExpression {

    private final String text;
    private final CronField minutes;
    private final CronField hours;
    private final DayRule days;
    private final CronField months;
    private final CronField years;

    CronExpression(
            String text, CronField minutes, CronField hours, DayRule days, CronField months,
            CronField years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, ScheduleWindow window) {
        Instant from = window.searchFrom(after);
        // Local times are tried in order; since a repeated local time maps to its first instant,
        // instants grow with local times, so the first match after "from" is the answer.
        LocalDate day = nextDay(LocalDate.ofInstant(from, window.zone()));
        while (day != null) {
            Optional<Instant> fire = firstOn(day, from, window.zone());
            if (fire.isPresent()) {
                return fire.filter(window::allows);
            }
            day = nextDay(day.plusDays(1));
        }
        return Optional.empty();
    }

    /** The first day on or after {@code day} whose year, month and day match, or null. */
    private LocalDate nextDay(LocalDate day) {
        LocalDate candidate = day;
        while (candidate != null && candidate.getYear() <= 2199) {
            if (!years.contains(candidate.getYear())) {
                candidate = nextYear(candidate);
            } else if (!months.contains(candidate.getMonthValue())) {
                candidate = candidate.withDayOfMonth(1).plusMonths(1);
            } else if (!days.matches(candidate)) {
                candidate = candidate.plusDays(1);
            } else {
                return candidate;
            }
        }
        return null;
    }

    private LocalDate nextYear(LocalDate day) {
        int year = years.nextFrom(day.getYear() + 1);
        return year < 0 ? null : LocalDate.of(year, 1, 1);
    }

    /** The first matching time on {@code day} that falls after {@code from}. */
    private Optional<Instant> firstOn(LocalDate day, Instant from, ZoneId zone) {
        for (int hour = hours.nextFrom(0); hour >= 0; hour = hours.nextFrom(hour + 1)) {
            for (int minute = minutes.nextFrom(0); minute >= 0;
                    minute = minutes.nextFrom(minute + 1)) {
                LocalDateTime local = LocalDateTime.of(day, LocalTime.of(hour, minute));
                Optional<Instant> fire = instantOf(local, zone);
                if (fire.isPresent() && fire.get().isAfter(from)) {
                    return fire;
                }
            }
        }
        return Optional.empty();
    }

    /** Empty for a local time skipped by the clocks going forward; the first one when repeated. */
    private static Optional<Instant> instantOf(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            return Optional.of(local.atZone(zone).toInstant());
        }
        return transition.isGap()
                ? Optional.empty()
                : Optional.of(local.toInstant(transition.getOffsetBefore()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
