package dev.intake.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: fires at the window's start, then every {@code value} units. A day is
 * 24 hours on the clock whatever daylight saving does, as AWS documents, so a rate never looks at
 * the time zone.
 */
public record RateExpression(long value, Unit unit) implements ScheduleExpression {

    private static final Pattern SHAPE = Pattern.compile("rate\\((\\S+)\\s+(\\S+)\\)");

    public RateExpression {
        if (value < 1) {
            throw new IllegalArgumentException("a rate value must be 1 or more, got " + value);
        }
        java.util.Objects.requireNonNull(unit, "unit");
    }

    /** The units AWS accepts, each with its singular and plural spelling. */
    public enum Unit {
        MINUTE(Duration.ofMinutes(1)),
        HOUR(Duration.ofHours(1)),
        DAY(Duration.ofDays(1));

        private final Duration length;

        Unit(Duration length) {
            this.length = length;
        }

        String singular() {
            return name().toLowerCase(Locale.ROOT);
        }

        String plural() {
            return singular() + "s";
        }
    }

    static RateExpression parse(String text) {
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            throw new InvalidScheduleExpressionException(
                    text, "a rate has a value and a unit; write it as \"rate(5 minutes)\"");
        }
        long value = parseValue(text, shape.group(1));
        return new RateExpression(value, parseUnit(text, value, shape.group(2)));
    }

    private static long parseValue(String text, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below, which says what a value must be
        }
        throw new InvalidScheduleExpressionException(
                text, "value \"" + value + "\" must be a whole number of 1 or more");
    }

    private static Unit parseUnit(String text, long value, String word) {
        for (Unit unit : Unit.values()) {
            if (word.equals(unit.singular()) || word.equals(unit.plural())) {
                return checkedNumber(text, value, word, unit);
            }
        }
        throw new InvalidScheduleExpressionException(
                text, "unit \"" + word + "\" is unknown; use minute(s), hour(s) or day(s)");
    }

    private static Unit checkedNumber(String text, long value, String word, Unit unit) {
        if (value == 1 && !word.equals(unit.singular())) {
            throw new InvalidScheduleExpressionException(
                    text, "a value of 1 takes a singular unit; write \"rate(1 " + unit.singular()
                            + ")\"");
        }
        if (value > 1 && !word.equals(unit.plural())) {
            throw new InvalidScheduleExpressionException(
                    text, "a value above 1 takes a plural unit; write \"rate(" + value + " "
                            + unit.plural() + ")\"");
        }
        return unit;
    }

    public Duration period() {
        return unit.length.multipliedBy(value);
    }

    @Override
    public String text() {
        return "rate(" + value + " " + (value == 1 ? unit.singular() : unit.plural()) + ")";
    }

    /** Throws {@link IllegalArgumentException} if the window has no start to count from. */
    @Override
    public Optional<Instant> nextAfter(Instant after, ScheduleWindow window) {
        Instant start = window.start();
        if (start == null) {
            throw new IllegalArgumentException(
                    text() + " counts from its start; give the schedule window a start, such as"
                            + " the time the schedule was created");
        }
        Instant next = after.isBefore(start) ? start : start.plus(period().multipliedBy(
                Duration.between(start, after).dividedBy(period()) + 1));
        return window.allows(next) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public String toString() {
        return text();
    }
}
