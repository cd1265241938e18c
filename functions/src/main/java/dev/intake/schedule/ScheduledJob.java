package dev.intake.schedule;

import dev.intake.job.JobDefinition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's schedule made ready to evaluate: its expression, read in its time zone (UTC when the
 * definition names none, as on AWS), and counted from the time the schedule was created.
 */
public record ScheduledJob(String jobId, ScheduleExpression expression, ScheduleWindow window) {

    public ScheduledJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(window, "window");
    }

    /**
     * Reads a job definition's schedule; empty when the job has none ({@code type: none}).
     * Throws {@link InvalidScheduleExpressionException} naming the expression and the fix.
     *
     * @param createdAt when the schedule was created: a rate counts from it
     */
    public static Optional<ScheduledJob> of(
            String jobId, JobDefinition.Schedule schedule, Instant createdAt) {
        if (schedule == null || schedule.type() == null || schedule.type().equals("none")) {
            return Optional.empty();
        }
        ScheduleExpression expression = expression(jobId, schedule);
        ZoneId zone = zone(expression, schedule.timezone());
        ScheduleWindow window = ScheduleWindow.from(createdAt, zone);
        return Optional.of(new ScheduledJob(jobId, expression, window));
    }

    /** The first time the job runs after {@code after}, if it ever does. */
    public Optional<Instant> nextAfter(Instant after) {
        return expression.nextAfter(after, window);
    }

    private static ScheduleExpression expression(String jobId, JobDefinition.Schedule schedule) {
        return switch (schedule.type()) {
            case "recurring" -> recurring(jobId, required(jobId, schedule.expression(),
                    "a recurring schedule needs an expression, such as \"cron(0 6 * * ? *)\""));
            case "one-time" -> oneTime(required(jobId, schedule.at(),
                    "a one-time schedule needs \"at\", such as \"2026-12-24T06:00:00\""));
            default -> throw new InvalidScheduleExpressionException(
                    "job \"" + jobId + "\"", "schedule type \"" + schedule.type()
                            + "\" is unknown; use recurring, one-time or none");
        };
    }

    private static String required(String jobId, String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new InvalidScheduleExpressionException("job \"" + jobId + "\"", problem);
        }
        return value.strip();
    }

    private static ScheduleExpression oneTime(String at) {
        return ScheduleExpression.parse(at.startsWith("at(") ? at : "at(" + at + ")");
    }

    private static ScheduleExpression recurring(String jobId, String text) {
        ScheduleExpression expression = ScheduleExpression.parse(text);
        if (expression instanceof AtExpression) {
            throw new InvalidScheduleExpressionException(text, "job \"" + jobId + "\" is"
                    + " recurring but at(...) runs once; use rate(...) or cron(...), or make the"
                    + " schedule one-time with \"at\"");
        }
        return expression;
    }

    private static ZoneId zone(ScheduleExpression expression, String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException unknown) {
            throw new InvalidScheduleExpressionException(expression.text(), "time zone \""
                    + timezone + "\" is unknown; use an IANA name such as \"Europe/Paris\"");
        }
    }
}
