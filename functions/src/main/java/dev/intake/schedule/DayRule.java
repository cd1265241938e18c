package dev.intake.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days of a month a cron expression fires on. AWS lets only one of day-of-month and
 * day-of-week restrict the days (the other is {@code ?}), so one rule says it all.
 */
sealed interface DayRule {

    boolean matches(LocalDate date);

    /** AWS numbers the days of the week 1 (Sunday) to 7 (Saturday). */
    static DayOfWeek dayOfWeek(int awsNumber) {
        return DayOfWeek.of((awsNumber + 5) % 7 + 1);
    }

    static int awsNumber(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    /** {@code *} in one day field and {@code ?} in the other. */
    record EveryDay() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return true;
        }
    }

    /** Day-of-month values, ranges and steps: {@code 1,15}, {@code 1-7}, {@code 1/2}. */
    record DaysOfMonth(CronField days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.contains(date.getDayOfMonth());
        }
    }

    /** {@code L} in day-of-month. */
    record LastDayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth();
        }
    }

    /** {@code LW}: the last Monday-to-Friday day of the month. */
    record LastWeekdayOfMonth() implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
            int back = switch (last.getDayOfWeek()) {
                case SATURDAY -> 1;
                case SUNDAY -> 2;
                default -> 0;
            };
            return date.equals(last.minusDays(back));
        }
    }

    /**
     * {@code 15W}: the Monday-to-Friday day nearest the 15th, never leaving the month (as in the
     * Quartz dialect AWS's cron follows): {@code 1W} on a Saturday fires on Monday the 3rd, and
     * {@code 31W} on a Sunday the 31st fires on Friday the 29th. A month without that day has
     * no such day.
     */
    record NearestWeekday(int day) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            if (day > date.lengthOfMonth()) {
                return false;
            }
            LocalDate target = date.withDayOfMonth(day);
            int shift = switch (target.getDayOfWeek()) {
                case SATURDAY -> day == 1 ? 2 : -1;
                case SUNDAY -> day == date.lengthOfMonth() ? -2 : 1;
                default -> 0;
            };
            return date.equals(target.plusDays(shift));
        }
    }

    /** Day-of-week values and ranges: {@code MON-FRI}, {@code 1,7}, and {@code L} (Saturday). */
    record DaysOfWeek(CronField days) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return days.contains(awsNumber(date.getDayOfWeek()));
        }
    }

    /** {@code 6L}: the last Friday of the month. */
    record LastOfMonth(DayOfWeek day) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfWeek() == day
                    && date.plusDays(7).getMonth() != date.getMonth();
        }
    }

    /** {@code 6#3}: the third Friday of the month; a month without a fifth one has none. */
    record NthOfMonth(DayOfWeek day, int nth) implements DayRule {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfWeek() == day && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }
}
