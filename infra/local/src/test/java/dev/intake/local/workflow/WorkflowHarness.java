package dev.intake.local.workflow;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.InvocationContext;
import dev.intake.asl.Interpreter;
import dev.intake.asl.LambdaResult;
import dev.intake.asl.StateMachine;
import dev.intake.asl.TaskFailedException;
import dev.intake.asl.VirtualClock;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.MutableClock;
import dev.intake.handler.ArrivalHandler;
import dev.intake.handler.FinishRunHandler;
import dev.intake.handler.HaltHandler;
import dev.intake.handler.ImportHandler;
import dev.intake.handler.NotifyHandler;
import dev.intake.handler.ProcessHandler;
import dev.intake.handler.ReactivateJobHandler;
import dev.intake.handler.RecordFailureHandler;
import dev.intake.handler.RetryRunHandler;
import dev.intake.handler.StartRunHandler;
import dev.intake.handler.ValidateHandler;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.SimulatedLambdaFailure;
import dev.intake.workflow.WorkflowConfig;
import dev.intake.workflow.WorkflowJson;
import dev.intake.workflow.WorkflowStarter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import-run state machine in the interpreter with a virtual clock, its Task resources
 * mapped to the handler classes in this JVM and the ports kept in memory. The state machine's
 * {@code ${XFunctionArn}} substitutions become Lambda ARNs of function {@code XFunction}.
 */
final class WorkflowHarness implements WorkflowStarter {

    static final String BUCKET = "intake-files";
    static final Instant START = Instant.parse("2026-12-04T06:00:00Z");
    static final Path DEFINITION = Path.of("../../statemachine/import-run.asl.json");

    private static final ObjectMapper JSON = WorkflowJson.mapper();
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{(\\w+)Arn}");

    final VirtualClock virtualClock = new VirtualClock(START);
    final MutableClock clock = new MutableClock(START);
    final MemoryObjectStore objects = new MemoryObjectStore(clock);
    final InMemoryJobStore jobs = new InMemoryJobStore();
    final MemoryRunStore runs = new MemoryRunStore();
    final MemoryDestinationStore destinations = new MemoryDestinationStore();
    final RecordingMailer mailer = new RecordingMailer();
    final MemorySchedules schedules = new MemorySchedules();
    final MemoryPendingFiles pendingFiles = new MemoryPendingFiles();
    final Services services;

    /** Every execution started, by name, in start order. */
    final Map<String, ExecutionResult> executions = new LinkedHashMap<>();

    private final Map<String, RequestStreamHandler> functions;
    private final StateMachine stateMachine;
    private final Interpreter interpreter;

    WorkflowHarness(String faults) {
        this.services = new Services(objects, jobs, runs, destinations, mailer, schedules,
                pendingFiles, this, clock, WorkflowConfig.defaults(BUCKET),
                FaultInjector.parse(faults));
        this.functions = functions(services);
        this.stateMachine = StateMachine.parse(definitionText());
        this.interpreter = Interpreter.builder()
                .clock(virtualClock)
                .lambdas(this::invoke)
                .build();
    }

    WorkflowHarness() {
        this(null);
    }

    // ---- set-up ---------------------------------------------------------------------------

    /** Stores the job from {@code workflow/<name>.yaml} as Active with an enabled schedule. */
    Job activeJob(String resource) {
        return job(resource, Function.identity());
    }

    /** Stores the job from {@code workflow/<name>.yaml}, edited, as Active. */
    Job job(String resource, Function<String, String> edit) {
        JobDefinition definition = new JobDefinitionParser().parse(edit.apply(text(resource)));
        Job job = jobs.seed(definition, JobStatus.ACTIVE, clock.instant());
        if (definition.schedule() != null) {
            schedules.put(job.id(), definition.schedule());
        }
        return job;
    }

    /** Stores the job from {@code workflow/<name>.yaml} as Active, watching {@code prefix}. */
    Job jobWatching(String resource, String prefix) {
        JobDefinition parsed = new JobDefinitionParser().parse(text(resource));
        JobDefinition definition = new JobDefinition(parsed.id(), parsed.name(),
                new JobDefinition.Source(prefix), parsed.format(), parsed.schema(),
                parsed.destination(), parsed.maxFailedPercent(), parsed.schedule(),
                parsed.notifications());
        return jobs.seed(definition, JobStatus.ACTIVE, clock.instant());
    }

    /** Stores the object as an upload would, at the current virtual time. */
    ObjectInfo upload(String key, String content) {
        clock.set(virtualClock.now());
        return objects.put(BUCKET, key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads the test resource {@code workflow/<file>} under {@code key}. */
    ObjectInfo uploadResource(String key, String file) {
        return upload(key, text(file));
    }

    // ---- events and handlers ---------------------------------------------------------------

    /** The S3 notification S3 sends for the object, with the key form-encoded. */
    static JsonNode s3Event(ObjectInfo object) {
        String key = java.net.URLEncoder.encode(object.key(), StandardCharsets.UTF_8);
        return readJson("{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                + object.bucket() + "\"},\"object\":{\"key\":\"" + key + "\",\"size\":"
                + object.size() + ",\"eTag\":\"" + object.etag() + "\",\"versionId\":\""
                + object.version() + "\"}}}]}");
    }

    /** Delivers an object-created event to the Arrival handler, as the AWS rule would. */
    JsonNode arrive(JsonNode event) {
        return call("ArrivalFunction", event);
    }

    /** Calls a handler directly (not through the state machine). */
    JsonNode call(String function, JsonNode input) {
        clock.set(virtualClock.now());
        return JSON.valueToTree(invokeHandler(functions.get(function), input));
    }

    // ---- WorkflowStarter: runs the execution to its end before returning -------------------

    @Override
    public synchronized Start start(String name, RunRequest request) {
        String arn = ExecutionOptions.named(name).executionArn();
        if (executions.containsKey(name)) {
            return new Start(arn, false);
        }
        executions.put(name, null);
        ExecutionResult result = interpreter.run(stateMachine, JSON.valueToTree(request),
                ExecutionOptions.named(name));
        executions.put(name, result);
        clock.set(virtualClock.now());
        return new Start(arn, true);
    }

    ExecutionResult onlyExecution() {
        if (executions.size() != 1) {
            throw new AssertionError("expected one execution, got " + executions.keySet());
        }
        return executions.values().iterator().next();
    }

    /** The runs of one job, oldest first. */
    List<Run> runsOf(String jobId) {
        return runs.all().stream()
                .filter(run -> run.jobId().equals(jobId))
                .sorted(Comparator.comparing((Run run) -> run.history().get(0).at())
                        .thenComparing(Run::attempt))
                .toList();
    }

    // ---- the in-process Lambda invoker -----------------------------------------------------

    private LambdaResult invoke(String functionName, JsonNode payload, InvocationContext context) {
        clock.set(context.scheduledAt());
        String name = functionName.substring(functionName.lastIndexOf(':') + 1);
        RequestStreamHandler handler = functions.get(name);
        if (handler == null) {
            throw new TaskFailedException("Lambda.ResourceNotFoundException",
                    "Function not found: " + functionName);
        }
        try {
            return LambdaResult.of(invokeHandler(handler, payload));
        } catch (SimulatedLambdaFailure e) {
            ObjectNode cause = JSON.createObjectNode().put("errorMessage", e.getMessage());
            throw new TaskFailedException(e.errorName(), cause.toString(), e.ran());
        } catch (RuntimeException e) {
            return LambdaResult.failed(e.getClass().getName(), e.getMessage(), List.of());
        }
    }

    private static JsonNode invokeHandler(RequestStreamHandler handler, JsonNode input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(input)), out,
                    null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, RequestStreamHandler> functions(Services services) {
        return Map.ofEntries(
                Map.entry("ArrivalFunction", new ArrivalHandler(services)),
                Map.entry("StartRunFunction", new StartRunHandler(services)),
                Map.entry("ValidateFunction", new ValidateHandler(services)),
                Map.entry("ProcessFunction", new ProcessHandler(services)),
                Map.entry("ImportFunction", new ImportHandler(services)),
                Map.entry("FinishRunFunction", new FinishRunHandler(services)),
                Map.entry("RecordFailureFunction", new RecordFailureHandler(services)),
                Map.entry("HaltFunction", new HaltHandler(services)),
                Map.entry("NotifyFunction", new NotifyHandler(services)),
                Map.entry("RetryRunFunction", new RetryRunHandler(services)),
                Map.entry("ReactivateJobFunction", new ReactivateJobHandler(services)));
    }

    /** The definition with each {@code ${XFunctionArn}} replaced by function X's ARN. */
    static String definitionText() {
        Matcher matcher = SUBSTITUTION.matcher(readDefinition());
        return matcher.replaceAll(match -> "arn:aws:lambda:us-east-1:123456789012:function:"
                + match.group(1));
    }

    private static String readDefinition() {
        try {
            return Files.readString(DEFINITION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        try (var in = WorkflowHarness.class.getResourceAsStream("/workflow/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource workflow/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
