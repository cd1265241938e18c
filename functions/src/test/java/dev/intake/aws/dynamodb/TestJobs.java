package dev.intake.aws.dynamodb;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.WriteMode;
import java.math.BigDecimal;
import java.util.List;

/** Job definitions for the store tests: the store-locations job of the product page. */
final class TestJobs {

    private TestJobs() {}

    static JobDefinition storeLocations(String id) {
        return job(id, "store-locations", WriteMode.REPLACE, List.of("zip_code"));
    }

    static JobDefinition job(String id, String table, WriteMode mode, List<String> key) {
        return new JobDefinition(
                id,
                "Store locations",
                new JobDefinition.Source("incoming/" + id + "/"),
                new JobDefinition.Format("csv", ",", "UTF-8", true, null),
                new JobDefinition.Schema(
                        key,
                        List.of(
                                new Field("zip_code", FieldType.STRING, true, "^[0-9]{5}$", null,
                                        null, null, null, null, null),
                                new Field("city", FieldType.STRING, true, null, null, null, 100,
                                        null, null, List.of("town")),
                                new Field("latitude", FieldType.DECIMAL, false, null,
                                        new BigDecimal("-90"), new BigDecimal("90"), null, null,
                                        null, null)),
                        DuplicateRule.LAST_WINS,
                        ExtraColumns.IGNORE),
                new JobDefinition.Destination(table, mode),
                new BigDecimal("20"),
                new JobDefinition.Schedule("recurring", "cron(0 6 * * ? *)", null,
                        "Europe/Paris"),
                new JobDefinition.Notify(List.of("ops@example.com"),
                        List.of("halted", "failed")));
    }
}
