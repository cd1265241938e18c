package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionStatus;
import dev.intake.asl.VirtualClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** What one execution shares across its branches: identity, deadline, abort flag, tokens. */
final class Run {

    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private record IssuedToken(String stateName, String token) {
    }

    private final Definition definition;
    private final ExecutionOptions options;
    private final Services services;
    private final JsonNode input;
    private final Instant startTime;
    private final Instant deadline;
    private final boolean async;
    private final AtomicReference<ExecutionStop> stop = new AtomicReference<>();
    private final List<IssuedToken> issued = new ArrayList<>();
    private boolean ended;

    Run(Definition definition, ExecutionOptions options, Services services, JsonNode input,
            boolean async) {
        this.definition = definition;
        this.options = options;
        this.services = services;
        this.input = input;
        this.startTime = services.clock().now();
        this.deadline = definition.timeoutSeconds() == null ? null
                : startTime.plusSeconds(definition.timeoutSeconds());
        this.async = async;
    }

    Definition definition() {
        return definition;
    }

    ExecutionOptions options() {
        return options;
    }

    Services services() {
        return services;
    }

    JsonNode input() {
        return input;
    }

    Instant startTime() {
        return startTime;
    }

    Instant deadline() {
        return deadline;
    }

    boolean isVirtual() {
        return services.clock() instanceof VirtualClock;
    }

    boolean isAsync() {
        return async;
    }

    String executionArn() {
        return options.executionArn();
    }

    void abort(String error, String cause) {
        stop.compareAndSet(null, new ExecutionStop(ExecutionStatus.ABORTED, error, cause));
    }

    void checkAbort() {
        ExecutionStop aborted = stop.get();
        if (aborted != null) {
            throw aborted;
        }
    }

    ExecutionStop timedOut() {
        return new ExecutionStop(ExecutionStatus.TIMED_OUT, StatesError.TIMEOUT,
                "The execution ran longer than its TimeoutSeconds ("
                        + definition.timeoutSeconds() + ")");
    }

    ExecutionStop interrupted() {
        return new ExecutionStop(ExecutionStatus.ABORTED, "States.Aborted",
                "The interpreter thread was interrupted");
    }

    /** Makes a token that now waits for its answer visible to {@link #awaitToken}. */
    void publishToken(String stateName, String token) {
        synchronized (issued) {
            issued.add(new IssuedToken(stateName, token));
            issued.notifyAll();
        }
    }

    void markEnded() {
        synchronized (issued) {
            ended = true;
            issued.notifyAll();
        }
    }

    /** The {@code skip}-th token issued for {@code stateName}, waiting up to {@code millis}. */
    String awaitToken(String stateName, int skip, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (issued) {
            while (true) {
                List<String> tokens = issued.stream()
                        .filter(t -> t.stateName().equals(stateName))
                        .map(IssuedToken::token).toList();
                if (tokens.size() > skip) {
                    return tokens.get(skip);
                }
                long left = until - System.nanoTime();
                if (ended || left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(issued, left);
            }
        }
    }

    /** The context object ({@code $$}) of a state. */
    ObjectNode context(String stateName, Instant enteredTime, int retryCount) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", executionArn());
        execution.set("Input", input);
        execution.put("Name", options.executionName());
        execution.put("RoleArn", options.roleArn());
        execution.put("StartTime", ISO_MILLIS.format(startTime));
        execution.put("RedriveCount", 0);
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", options.stateMachineArn());
        machine.put("Name", options.stateMachineName());
        ObjectNode state = context.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", ISO_MILLIS.format(enteredTime));
        state.put("RetryCount", retryCount);
        return context;
    }
}
