package dev.intake.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.asl.AslClock;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.SystemClock;
import dev.intake.asl.VirtualClock;
import dev.intake.job.Job;
import dev.intake.job.JobDefinitionParser;
import dev.intake.job.JobLifecycle;
import dev.intake.job.JobStatus;
import dev.intake.local.serve.LocalPendingFiles;
import dev.intake.local.serve.RunStarter;
import dev.intake.local.store.LocalServices;
import dev.intake.local.store.StateDirectory;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.RunNames;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole system in this JVM: the local stand-ins for AWS over one state directory, the
 * handler classes of template.yaml called in-process, and the interpreter running the state
 * machine the template declares.
 */
public final class LocalRuntime implements LocalIntake {

    static final String STATE_MACHINE = "ImportRunStateMachine";
    static final String ARRIVAL_FUNCTION = "ArrivalFunction";
    static final String RETRY_FUNCTION = "RetryRunFunction";
    static final String REACTIVATE_FUNCTION = "ReactivateJobFunction";

    /** VIRTUAL: waits and reruns take no real time (CLI, demo, tests); SYSTEM: real time. */
    public enum ClockMode { VIRTUAL, SYSTEM }

    /**
     * @param clock    which clock the interpreter and the handlers read
     * @param faults   a {@link FaultInjector} spec such as {@code import:6}, or null
     * @param start    where a virtual clock starts
     * @param progress told each workflow step as it starts, for a progress line
     */
    public record Options(
            ClockMode clock, String faults, Instant start, Consumer<String> progress) {

        public Options {
            progress = progress == null ? step -> { } : progress;
        }

        public Options(ClockMode clock, String faults, Instant start) {
            this(clock, faults, start, null);
        }
    }

    private final LocalServices local;
    private final Clock clock;
    private final InProcessFunctions functions;
    private final LocalExecutions executions;
    private final JobLifecycle lifecycle;
    private final RetryGuard retryGuard;

    private LocalRuntime(LocalServices local, Services services, InProcessFunctions functions,
            LocalExecutions executions) {
        this.local = local;
        this.clock = services.clock();
        this.functions = functions;
        this.executions = executions;
        this.retryGuard = new RetryGuard(local.jobs(), this::runsOf);
        this.lifecycle = new JobLifecycle(services.jobs(), services.schedules(),
                services.pendingFiles(), services.clock());
    }

    public static LocalRuntime open(Path stateDirectory) {
        return open(stateDirectory, ClockMode.VIRTUAL);
    }

    public static LocalRuntime open(Path stateDirectory, ClockMode mode) {
        return open(stateDirectory, new Options(mode, null, Instant.now()));
    }

    public static LocalRuntime open(Path stateDirectory, Options options) {
        LocalWorkflow workflow = LocalWorkflow.load(
                SamFiles.locate(System.getProperty("intake.repo"), Path.of("")), STATE_MACHINE);
        StateMachine machine = StateMachine.parse(workflow.definition());

        AslClock interpreterClock = options.clock() == ClockMode.VIRTUAL
                ? new VirtualClock(options.start()) : new SystemClock();
        InvocationClock virtualTime = new InvocationClock(interpreterClock);
        Clock clock = options.clock() == ClockMode.VIRTUAL ? virtualTime : Clock.systemUTC();

        LocalServices local = LocalServices.open(StateDirectory.at(stateDirectory), clock);
        LocalExecutions executions = new LocalExecutions(STATE_MACHINE, local.processedEvents(),
                clock);
        Services services = new Services(local.objects(), local.jobs(), local.runs(),
                local.destinations(), local.mailer(), local.schedules(),
                new LocalPendingFiles(local.pendingFiles()), executions, clock,
                WorkflowConfig.defaults(LocalAws.BUCKET), FaultInjector.parse(options.faults()));

        InProcessFunctions functions = new InProcessFunctions(workflow.functionsByArn(), services,
                options.clock() == ClockMode.VIRTUAL
                        ? virtualTime : InProcessFunctions.TaskTime.REAL,
                options.progress());
        executions.bind(Interpreter.builder().clock(interpreterClock).lambdas(functions).build(),
                machine);
        return new LocalRuntime(local, services, functions, executions);
    }

    @Override
    public Job createJob(Path definitionFile) {
        String text = readDefinition(definitionFile);
        return lifecycle.create(new JobDefinitionParser().parse(text),
                "intake jobs create " + definitionFile.getFileName());
    }

    @Override
    public List<Job> jobs() {
        return local.jobs().list();
    }

    @Override
    public Job job(String jobId) {
        return local.jobs().find(jobId).orElseThrow(() -> new NotFoundException("no job " + jobId
                + "; see intake jobs list"));
    }

    @Override
    public Job activate(String jobId) {
        job(jobId);
        return lifecycle.activate(jobId, "intake jobs activate");
    }

    @Override
    public Job pause(String jobId) {
        job(jobId);
        return lifecycle.pause(jobId, "intake jobs pause");
    }

    /** Calls the ReactivateJob function, then runs the executions it started for pending files. */
    @Override
    public List<Run> reactivate(String jobId) {
        if (job(jobId).status() == JobStatus.ACTIVE) {
            // As pause refuses a Paused job (exit 4), reactivate refuses an Active one, by name.
            throw new IllegalTransitionException("job \"" + jobId + "\" is already Active; only a"
                    + " Paused or Halted job can be reactivated.");
        }

        byte[] answer = functions.invoke(LocalAws.functionArn(REACTIVATE_FUNCTION),
                ("{\"jobId\":\"" + jobId + "\"}").getBytes(StandardCharsets.UTF_8));
        executions.drain();

        List<Run> runs = new ArrayList<>();
        for (JsonNode started : readJson(answer).path("started")) {
            runs.addAll(runsOf(started.path("executionName").asText()));
        }
        return runs;
    }

    @Override
    public List<Run> upload(String jobId, Path file) {
        Job job = job(jobId);
        ObjectInfo object = put(job, file);

        functions.invoke(LocalAws.functionArn(ARRIVAL_FUNCTION),
                ObjectCreatedEvent.of(object, clock.instant()));

        executions.drain();

        return runsOf(RunNames.uploadExecution(jobId, sourceOf(object)));
    }

    /**
     * Imports an object already in the local bucket (found by {@code intake serve}) and runs the
     * workflow until its execution ends. Named as an upload of the same version would be, so a
     * file imported once is not imported again, whichever way it came.
     */
    public RunStarter.Started startRun(Job job, SourceObject object, Trigger trigger) {
        String execution = RunNames.uploadExecution(job.id(), object);

        boolean started = executions.start(execution,
                new RunRequest(trigger, job.id(), object, null)).started();
        executions.drain();

        return new RunStarter.Started(started, runsOf(execution));
    }

    /** The local stores this runtime works on, for {@code intake serve} and the job commands. */
    public LocalServices services() {
        return local;
    }

    /** The clock the runtime's stores and handlers read. */
    public Clock clock() {
        return clock;
    }

    /** Calls the RetryRun function, as the console's retry button does on AWS. */
    @Override
    public List<Run> retry(String runId) {
        Run run = run(runId);
        retryGuard.check(run);

        functions.invoke(LocalAws.functionArn(RETRY_FUNCTION),
                ("{\"runId\":\"" + run.id() + "\"}").getBytes(StandardCharsets.UTF_8));
        executions.drain();

        return runsOf(RunNames.manualRetryExecution(run.jobId(), run.id()));
    }

    @Override
    public List<Run> runs(String jobId) {
        return local.runs().listByJob(jobId, Integer.MAX_VALUE);
    }

    @Override
    public Run run(String runId) {
        return local.runs().find(runId).orElseThrow(() -> new NotFoundException("no run " + runId
                + "; see intake runs list JOB"));
    }

    @Override
    public Optional<Path> failedRecordsFile(Run run) {
        if (run.failedRecordsKey() == null) {
            return Optional.empty();
        }
        String bucket = run.source() == null ? LocalAws.BUCKET : run.source().bucket();
        Path file = local.objects().fileOf(bucket, run.failedRecordsKey());
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Path stateDirectory() {
        return local.directory().root();
    }

    @Override
    public Path databaseFile() {
        return local.directory().database();
    }

    @Override
    public Path outboxDirectory() {
        return local.directory().outbox();
    }

    @Override
    public void close() {
        local.close();
    }

    /** The attempts of one execution's chain (run ids are the execution name and the attempt). */
    private List<Run> runsOf(String executionName) {
        List<Run> runs = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Optional<Run> run = local.runs().find(RunNames.runId(executionName, attempt));
            if (run.isEmpty()) {
                return runs;
            }
            runs.add(run.get());
        }
    }

    private ObjectInfo put(Job job, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory; upload one file at a"
                    + " time: intake upload " + job.id() + " FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no such file: " + file);
        }
        String key = job.definition().source().prefix() + file.getFileName();
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = local.objects().create(LocalAws.BUCKET, key,
                        contentType(file))) {
            // 1 MB at a time: each write to the local bucket is a digest update and a system
            // call, and Files.copy's 8 KB writes made copying a large file cost several times more.
            byte[] chunk = new byte[1 << 20];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                out.write(chunk, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into the local bucket", e);
        }
        return local.objects().head(LocalAws.BUCKET, key).orElseThrow();
    }

    private static dev.intake.run.SourceObject sourceOf(ObjectInfo object) {
        return new dev.intake.run.SourceObject(object.bucket(), object.key(), object.version(),
                object.etag(), object.size());
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the ReactivateJob function answered no JSON", e);
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") ? "application/x-ndjson" : "text/csv";
    }

    /** The text of a job definition file; a missing file is a {@link NotFoundException}. */
    public static String readDefinition(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no such job definition file: " + file);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
