package dev.intake.fake;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.Schedule;
import java.math.BigDecimal;
import java.util.List;

/** Small valid job definitions for tests that care about a job's id and schedule only. */
public final class JobDefinitions {

    private JobDefinitions() {}

    public static JobDefinition recurring(String id, String expression, String timezone) {
        return withSchedule(id, new Schedule("recurring", expression, null, timezone));
    }

    public static JobDefinition oneTime(String id, String at, String timezone) {
        return withSchedule(id, new Schedule("one-time", null, at, timezone));
    }

    public static JobDefinition unscheduled(String id) {
        return withSchedule(id, new Schedule("none", null, null, null));
    }

    /** An unscheduled job reading files under {@code prefix}. */
    public static JobDefinition withPrefix(String id, String prefix) {
        JobDefinition job = unscheduled(id);
        return new JobDefinition(job.id(), job.name(), new JobDefinition.Source(prefix),
                job.format(), job.schema(), job.destination(), job.maxFailedPercent(),
                job.schedule(), job.notifications());
    }

    public static JobDefinition withSchedule(String id, Schedule schedule) {
        return new JobDefinition(
                id,
                id,
                new JobDefinition.Source("incoming/" + id + "/"),
                new JobDefinition.Format("csv", ",", "UTF-8", true, null),
                new JobDefinition.Schema(
                        List.of("zip_code"),
                        List.of(new JobDefinition.Field("zip_code", JobDefinition.FieldType.STRING,
                                true, "^[0-9]{5}$", null, null, null, null, null, null)),
                        JobDefinition.DuplicateRule.LAST_WINS,
                        JobDefinition.ExtraColumns.IGNORE),
                new JobDefinition.Destination(id, JobDefinition.WriteMode.REPLACE),
                new BigDecimal("20"),
                schedule,
                new JobDefinition.Notify(List.of(), List.of()));
    }
}
