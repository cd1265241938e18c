package dev.intake.aws.scheduler;

import dev.intake.job.JobDefinition;

/**
 * Translates a job's schedule to Scheduler's expression and back. Recurring schedules keep their
 * {@code rate(...)} or {@code cron(...)} expression; a one-time schedule becomes {@code at(...)}.
 */
final class ScheduleExpressions {

    static final String RECURRING = "recurring";
    static final String ONE_TIME = "one-time";
    private static final String UTC = "UTC";

    private ScheduleExpressions() {}

    static String expression(JobDefinition.Schedule schedule) {
        return switch (schedule.type()) {
            case RECURRING -> schedule.expression();
            case ONE_TIME -> "at(" + schedule.at() + ")";
            default -> throw new IllegalArgumentException("schedule type '" + schedule.type()
                    + "' has no Scheduler schedule; use recurring or one-time");
        };
    }

    static String timezone(JobDefinition.Schedule schedule) {
        return schedule.timezone() == null ? UTC : schedule.timezone();
    }

    static JobDefinition.Schedule toSchedule(String expression, String timezone) {
        if (expression.startsWith("at(") && expression.endsWith(")")) {
            String at = expression.substring("at(".length(), expression.length() - 1);
            return new JobDefinition.Schedule(ONE_TIME, null, at, timezone);
        }
        return new JobDefinition.Schedule(RECURRING, expression, null, timezone);
    }

    /**
     * The execution input: the job, the trigger and the time Scheduler meant to start it
     * (a context attribute Scheduler fills in at each invocation).
     */
    static String targetInput(String jobId) {
        return "{\"jobId\":\"" + jobId + "\",\"trigger\":\"SCHEDULE\","
                + "\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}";
    }
}
