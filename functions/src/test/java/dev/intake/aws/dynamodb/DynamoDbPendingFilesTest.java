package dev.intake.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.aws.AwsClients;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.TestAws;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.SourceObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsServicesExtension.class)
class DynamoDbPendingFilesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");

    private static AwsClients clients;
    private static DynamoDbPendingFiles pending;
    private static DynamoDbJobStore jobs;

    @BeforeAll
    static void createTable(TestAws aws) {
        clients = aws.clients(Map.of());
        String table = TestTables.createIntakeTable(clients.dynamoDb());
        pending = new DynamoDbPendingFiles(clients.dynamoDb(), table);
        jobs = new DynamoDbJobStore(clients.dynamoDb(), table);
    }

    @AfterAll
    static void closeClients() {
        clients.dynamoDb().close();
    }

    @Test
    void files_are_listed_in_arrival_order_and_a_repeat_keeps_the_first_arrival() {
        SourceObject first = object("incoming/paused/b.csv", "v1");
        SourceObject second = object("incoming/paused/a.csv", "v1");
        pending.add("paused", new PendingFile(first, T0));
        pending.add("paused", new PendingFile(second, T0.plusSeconds(60)));
        pending.add("paused", new PendingFile(first, T0.plusSeconds(120)));

        assertThat(pending.list("paused")).containsExactly(
                new PendingFile(first, T0), new PendingFile(second, T0.plusSeconds(60)));
    }

    @Test
    void another_version_of_a_key_is_another_pending_file() {
        pending.add("versions", new PendingFile(object("incoming/v/a.csv", "v1"), T0));
        pending.add("versions", new PendingFile(object("incoming/v/a.csv", "v2"), T0));

        assertThat(pending.list("versions")).hasSize(2);
    }

    @Test
    void a_removed_file_is_no_longer_listed_and_the_job_item_is_untouched() {
        jobs.create(TestJobs.storeLocations("removing"), T0, "created");
        SourceObject file = object("incoming/removing/a.csv", "v1");
        pending.add("removing", new PendingFile(file, T0));

        pending.remove("removing", file);

        assertThat(pending.list("removing")).isEmpty();
        assertThat(jobs.find("removing")).isPresent();
    }

    private static SourceObject object(String key, String version) {
        return new SourceObject("intake-files", key, version, "etag-" + version, 42);
    }
}
