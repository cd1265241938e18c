package dev.intake.schedule;

import static java.time.format.ResolverStyle.STRICT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: fires once, at that local time in the window's zone. The start
 * and end of the window are ignored, as AWS ignores them for one-time schedules.
 *
 * <p>Daylight saving: AWS documents what it does for cron schedules only. A one-time schedule
 * that skipped its only invocation would silently drop the run, so a local time that does not
 * exist (the spring gap) fires as late as the gap is long (02:30 becomes 03:30), and a local time
 * that occurs twice (the autumn overlap) fires at its first occurrence, as cron schedules do.
 */
public record AtExpression(LocalDateTime at) implements ScheduleExpression {

    private static final Pattern SHAPE =
            Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    public AtExpression {
        Objects.requireNonNull(at, "at");
    }

    static AtExpression parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new InvalidScheduleExpressionException(
                    text, "a one-time schedule gives a local date and time; write it as"
                            + " \"at(2026-12-24T06:00:00)\"");
        }
        String local = text.substring(3, text.length() - 1);
        try {
            return new AtExpression(LocalDateTime.parse(local, FORMAT.withResolverStyle(STRICT)));
        } catch (DateTimeParseException notADate) {
            throw new InvalidScheduleExpressionException(
                    text, "\"" + local + "\" is not a real date and time; check the day and month");
        }
    }

    /** The instant the schedule fires in {@code zone}. */
    public Instant instantIn(ZoneId zone) {
        // ZonedDateTime.of moves a time in a gap later by the gap and takes the earlier offset
        // in an overlap: the two choices documented on this class.
        return ZonedDateTime.of(at, zone).toInstant();
    }

    @Override
    public String text() {
        return "at(" + at.truncatedTo(ChronoUnit.SECONDS).format(FORMAT) + ")";
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, ScheduleWindow window) {
        Instant fire = instantIn(window.zone());
        return fire.isAfter(after) ? Optional.of(fire) : Optional.empty();
    }

    @Override
    public String toString() {
        return text();
    }
}
