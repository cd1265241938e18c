package dev.intake.handler;

import static dev.intake.handler.HandlerHarness.invoke;
import static dev.intake.handler.HandlerHarness.json;
import static dev.intake.handler.SampleJobHandlerTest.bytes;
import static dev.intake.handler.SampleJobHandlerTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.aws.AwsClients;
import dev.intake.aws.dynamodb.DynamoDbJobStore;
import dev.intake.aws.dynamodb.DynamoDbPendingFiles;
import dev.intake.aws.dynamodb.TestTables;
import dev.intake.aws.s3.S3ObjectStore;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.TestAws;
import dev.intake.fake.FakeJobSchedules;
import dev.intake.job.JobStatus;
import dev.intake.testing.InMemoryDestinationStore;
import dev.intake.testing.InMemoryRunStore;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowConfig;
import dev.intake.workflow.WorkflowJson;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * ManageJob and SampleJob over the S3 and DynamoDB emulators: the job is stored in the Intake
 * table and the sample read from the bucket by the real adapters. Schedules stay a fake, as no
 * emulator here serves EventBridge Scheduler.
 */
@ExtendWith(AwsServicesExtension.class)
class JobHandlersAwsTest {

    private static final String BUCKET = "intake-samples";
    private static final String KEY = "samples/us-airports/airports-head.csv";

    private static AwsClients clients;
    private static Services services;

    @BeforeAll
    static void connect(TestAws aws) {
        clients = aws.clients(Map.of());
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        String table = TestTables.createIntakeTable(clients.dynamoDb());
        services = new Services(new S3ObjectStore(clients.s3(), clients.s3Presigner()),
                new DynamoDbJobStore(clients.dynamoDb(), table), new InMemoryRunStore(),
                new InMemoryDestinationStore(), email -> "unused", new FakeJobSchedules(),
                new DynamoDbPendingFiles(clients.dynamoDb(), table), (name, request) -> {
                    throw new AssertionError("no run starts here");
                }, Clock.fixed(HandlerHarness.T0, ZoneOffset.UTC),
                WorkflowConfig.defaults(BUCKET), FaultInjector.NONE);
    }

    @AfterAll
    static void close() {
        clients.s3().close();
        clients.s3Presigner().close();
        clients.dynamoDb().close();
    }

    @Test
    void aJobCreatedByManageJobIsSampledFromTheBucket() {
        String create = WorkflowJson.mapper().createObjectNode().put("action", "create")
                        .put("definition", resource("/sampling/airports-fixed.yaml")).toString();
        JsonNode created = invoke(new ManageJobHandler(services), create);
        clients.s3().putObject(b -> b.bucket(BUCKET).key(KEY),
                RequestBody.fromBytes(bytes("/handler/airports-head.csv")));

        JsonNode report = invoke(new SampleJobHandler(services), "{\"jobId\": \"us-airports\", "
                + "\"bucket\": \"" + BUCKET + "\", \"key\": \"" + KEY + "\"}");

        assertThat(created.at("/job/status").asText()).isEqualTo("draft");
        assertThat(report).isEqualTo(json(resource("/handler/airports-head-report.json")));
        assertThat(services.jobs().find("us-airports").orElseThrow().status())
                .isEqualTo(JobStatus.DRAFT);
    }
}
