package dev.intake.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.VirtualClock;
import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import dev.intake.aws.AwsServicesFactory;
import dev.intake.aws.dynamodb.TestTables;
import dev.intake.aws.testing.TestAws;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import dev.intake.job.JobStatus;
import dev.intake.local.runtime.InProcessFunctions;
import dev.intake.local.runtime.InvocationClock;
import dev.intake.local.runtime.LocalAws;
import dev.intake.local.runtime.LocalWorkflow;
import dev.intake.local.runtime.SamFiles;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowJson;
import dev.intake.workflow.WorkflowStarter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * statemachine/import-run.asl.json in the interpreter on a virtual clock, its tasks the handler
 * classes template.yaml names, built on the AWS services ({@link AwsServicesFactory}) whose
 * adapters talk to the emulators. Each instance has its own bucket, Intake table and destination
 * table. Executions run to their end when started, as the arrival handler asks for them.
 */
final class EmulatorWorkflow implements WorkflowStarter {

    static final String JOB = "store-locations";
    static final String STATE_MACHINE = "ImportRunStateMachine";
    static final Instant START = Instant.parse("2026-12-04T06:00:00Z");
    /** The sender and the schedule group of the recorded Scheduler responses. */
    static final String SENDER = "intake@example.com";
    static final String SCHEDULE_GROUP = "intake-jobs";

    private static final ObjectMapper JSON = WorkflowJson.mapper();

    final String bucket = TestTables.unique("intake-e2e");
    final String destinationTable;
    final String owner = TestTables.unique("ops") + "@example.com";
    final AwsClients clients;
    final Services services;
    /** Every execution started, by name, in start order. */
    final Map<String, ExecutionResult> executions = new LinkedHashMap<>();

    private final VirtualClock virtualClock = new VirtualClock(START);
    private final InProcessFunctions functions;
    private final StateMachine stateMachine;
    private final Interpreter interpreter;

    /**
     * @param schedulerEndpoint where Scheduler calls go (WireMock: no emulator covers it)
     * @param faults            a {@link FaultInjector} spec, or null
     */
    EmulatorWorkflow(TestAws aws, String schedulerEndpoint, String faults) {
        String destinationPrefix = TestTables.unique("e2e") + "-";
        this.destinationTable = destinationPrefix + "store-locations";
        String table;
        try (DynamoDbClient setUp = aws.clients(Map.of()).dynamoDb()) {
            TestTables.createDestination(setUp, destinationTable,
                    List.of(TestTables.string("zip_code")));
            table = TestTables.createIntakeTable(setUp);
        }
        this.clients = aws.clients(variables(table, destinationPrefix, schedulerEndpoint));
        clients.s3().createBucket(b -> b.bucket(bucket));

        InvocationClock clock = new InvocationClock(virtualClock);
        this.services = AwsServicesFactory.services(clients, this, clock)
                .withFaults(FaultInjector.parse(faults));
        LocalWorkflow workflow = LocalWorkflow.load(SamFiles.inDirectory(Path.of("../..")),
                STATE_MACHINE);
        this.functions = new InProcessFunctions(workflow.functionsByArn(), services, clock,
                step -> { });
        this.stateMachine = StateMachine.parse(workflow.definition());
        this.interpreter = Interpreter.builder().clock(virtualClock).lambdas(functions).build();
    }

    private Map<String, String> variables(String table, String destinationPrefix,
            String schedulerEndpoint) {
        Map<String, String> variables = new HashMap<>();
        variables.put(AwsConfig.TABLE, table);
        variables.put(AwsConfig.BUCKET, bucket);
        variables.put(AwsConfig.DESTINATION_TABLE_PREFIX, destinationPrefix);
        variables.put(AwsConfig.SENDER, SENDER);
        variables.put(AwsConfig.SCHEDULE_GROUP, SCHEDULE_GROUP);
        variables.put(AwsConfig.SCHEDULER_ROLE_ARN,
                "arn:aws:iam::123456789012:role/intake-scheduler");
        variables.put(AwsConfig.ENDPOINT_PREFIX + AwsConfig.Service.SCHEDULER.name(),
                schedulerEndpoint);
        return variables;
    }

    /** Stores the job of workflow/stores.yaml, mailing {@link #owner}, as Active. */
    Job activeJob() {
        JobDefinition definition = new JobDefinitionParser().parse(
                resource("workflow/stores.yaml").replace("ops@example.com", owner));
        Instant now = virtualClock.now();
        services.jobs().create(definition, now, "end-to-end test");
        return services.jobs().transition(JOB, JobStatus.DRAFT, JobStatus.ACTIVE, now,
                "end-to-end test");
    }

    /**
     * Puts the test resource {@code workflow/<file>} at {@code key} and returns the S3
     * notification S3 sends for it: the key form-encoded, the ETag without quotes.
     */
    JsonNode upload(String key, String file) {
        clients.s3().putObject(b -> b.bucket(bucket).key(key),
                RequestBody.fromString(resource("workflow/" + file)));
        HeadObjectResponse head = clients.s3().headObject(b -> b.bucket(bucket).key(key));

        ObjectNode object = JSON.createObjectNode()
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
                .put("size", head.contentLength())
                .put("eTag", head.eTag().replace("\"", ""));
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("eventName", "ObjectCreated:Put");
        record.putObject("s3").set("object", object);
        ((ObjectNode) record.get("s3")).putObject("bucket").put("name", bucket);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event;
    }

    /** Delivers the event to the Arrival function, as the bucket's notification would. */
    JsonNode arrive(JsonNode event) {
        try {
            byte[] answer = functions.invoke(LocalAws.functionArn("ArrivalFunction"),
                    JSON.writeValueAsBytes(event));
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the execution to its end, unless one of that name ran already. */
    @Override
    public synchronized Start start(String name, RunRequest request) {
        ExecutionOptions options = ExecutionOptions.named(name)
                .withStateMachineName(STATE_MACHINE);
        if (executions.containsKey(name)) {
            return new Start(options.executionArn(), false);
        }
        executions.put(name, null);
        executions.put(name, interpreter.run(stateMachine, JSON.valueToTree(request), options));
        return new Start(options.executionArn(), true);
    }

    /**
     * The destination table's items, read back with a Scan, ordered by key: text as String,
     * numbers as BigDecimal.
     */
    List<Map<String, Object>> destinationRows() {
        return clients.dynamoDb().scan(b -> b.tableName(destinationTable)).items().stream()
                .map(EmulatorWorkflow::plain)
                .sorted(Comparator.comparing(row -> String.valueOf(row.get("zip_code"))))
                .toList();
    }

    private static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> row = new TreeMap<>();
        item.forEach((name, value) -> row.put(name,
                value.n() != null ? new BigDecimal(value.n()) : value.s()));
        return row;
    }

    static String resource(String path) {
        try (InputStream in = EmulatorWorkflow.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
