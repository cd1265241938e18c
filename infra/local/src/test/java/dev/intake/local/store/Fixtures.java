package dev.intake.local.store;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Job definitions and runs the store tests share. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");

    private Fixtures() {}

    static Field field(String name, FieldType type) {
        return new Field(name, type, false, null, null, null, null, null, null, null);
    }

    static JobDefinition storeLocations(WriteMode mode) {
        return job("store-locations", "store-locations", mode);
    }

    static JobDefinition job(String id, String table, WriteMode mode) {
        List<Field> fields = List.of(
                field("zip_code", FieldType.STRING),
                field("city", FieldType.STRING),
                field("latitude", FieldType.DECIMAL),
                field("stores", FieldType.INTEGER),
                field("open", FieldType.BOOLEAN),
                field("opened", FieldType.DATE));
        return new JobDefinition(id, "Store locations",
                new JobDefinition.Source("incoming/" + id + "/"),
                new JobDefinition.Format("csv", ",", "UTF-8", true, null),
                new JobDefinition.Schema(List.of("zip_code"), fields,
                        JobDefinition.DuplicateRule.LAST_WINS, JobDefinition.ExtraColumns.KEEP),
                new JobDefinition.Destination(table, mode),
                new BigDecimal("20"),
                new JobDefinition.Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Paris"),
                new JobDefinition.Notify(List.of("ops@example.com"), List.of("halted", "failed")));
    }

    static Run run(String id, String jobId, Instant startedAt) {
        return new Run(id, jobId, 1, null, Trigger.UPLOAD,
                new SourceObject("intake-local", "incoming/" + jobId + "/zips.csv", "3",
                        "9e107d9d372bb6826bd81d3542a419d6", 1234),
                RunStatus.VALIDATING, RunCounts.NONE, null, null, "exec-" + id, null,
                List.of(new StatusChange("validating", startedAt, "upload")));
    }

    static FailureReason timeout() {
        return new FailureReason("DEPENDENCY_UNAVAILABLE", "The destination did not answer in 30 s.");
    }
}
