package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import dev.intake.asl.InvocationContext;
import dev.intake.asl.LambdaResult;
import dev.intake.asl.TaskFailedException;
import dev.intake.asl.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt of a Task's resource call. Lambda function ARNs and
 * {@code arn:aws:states:::lambda:invoke} go to the {@code LambdaInvoker}, everything else to the
 * {@code TaskHandler}. On a virtual clock the call's declared duration is compared with
 * TimeoutSeconds; on a system clock the call runs on its own thread and is abandoned when it
 * overruns. {@code .waitForTaskToken} calls then wait for their token's answer.
 */
final class TaskCall {

    private static final String STATES_PREFIX = "arn:aws:states:::";
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    private static final String CALLBACK = ".waitForTaskToken";
    /** AWS's default when TimeoutSeconds is absent (the specification says 60). */
    private static final long DEFAULT_TIMEOUT = 99_999_999L;
    private static final ExecutorService SYSTEM_CALLS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "asl-task-call");
        thread.setDaemon(true);
        return thread;
    });

    /** What the call gave back (a result or an error) and how long it took. */
    private record Answer(JsonNode output, StatesError error, Duration duration) {
    }

    private final StateDef state;
    private final Frame frame;
    private final int retryCount;
    private final String resource;
    private final boolean callback;
    private final boolean legacyLambda;
    private final String token;
    private final CallbackRegistry.Waiting waiting;

    TaskCall(StateDef state, Frame frame, int retryCount) {
        this.state = state;
        this.frame = frame;
        this.retryCount = retryCount;
        this.resource = state.text("Resource");
        this.callback = resource.endsWith(CALLBACK);
        this.legacyLambda = resource.startsWith("arn:aws:lambda:")
                && resource.contains(":function:");
        this.token = callback ? frame.nextId("token:" + state.name()) : null;
        this.waiting = callback ? frame.run().services().callbacks().register(token) : null;
        if (callback) {
            frame.run().publishToken(state.name(), token);
        }
    }

    /** Forgets the token: later answers are refused. */
    void close() {
        if (callback) {
            frame.run().services().callbacks().unregister(token);
        }
    }

    boolean isCallback() {
        return callback;
    }

    String token() {
        return token;
    }

    /** The resource's raw result; throws {@link StatesError} when the call fails. */
    JsonNode invoke(JsonNode parameters, JsonNode effective, JsonNode context) {
        long timeout = seconds("TimeoutSeconds", effective, context, DEFAULT_TIMEOUT);
        Long heartbeat = state.has("HeartbeatSeconds") || state.has("HeartbeatSecondsPath")
                ? seconds("HeartbeatSeconds", effective, context, 0) : null;
        Instant start = frame.timeline().now();
        try {
            scheduled(parameters, timeout, heartbeat);
            started();
            JsonNode invoked = timed(parameters, start, timeout);
            JsonNode result = callback
                    ? awaitAnswer(invoked, start, timeout, heartbeat) : invoked;
            succeeded(result);
            return result;
        } catch (StatesError error) {
            failed(error);
            throw error;
        }
    }

    private long seconds(String field, JsonNode effective, JsonNode context, long fallback) {
        if (state.has(field)) {
            return state.field(field).longValue();
        }
        if (!state.has(field + "Path")) {
            return fallback;
        }
        JsonNode value = Paths.read(state.text(field + "Path"), effective, context);
        if (!Json.isIntegral(value) || value.decimalValue().signum() <= 0) {
            throw StatesError.runtime("The " + field + "Path of state '" + state.name()
                    + "' must reference a positive integer, found " + Json.write(value));
        }
        return value.decimalValue().longValue();
    }

    private JsonNode timed(JsonNode parameters, Instant start, long timeout) {
        Answer answer = frame.run().isVirtual() ? callDirectly(parameters)
                : callOnThread(parameters, timeout);
        if (frame.run().isVirtual()) {
            Duration limit = Duration.ofSeconds(timeout);
            if (answer.duration().compareTo(limit) > 0) {
                frame.timeline().waitUntil(start.plus(limit));
                throw new StatesError(StatesError.TIMEOUT, "");
            }
            frame.timeline().waitUntil(start.plus(answer.duration()));
        }
        if (answer.error() != null) {
            throw answer.error();
        }
        return answer.output();
    }

    private Answer callDirectly(JsonNode parameters) {
        try {
            return dispatch(parameters);
        } catch (TaskFailedException e) {
            return new Answer(null, new StatesError(e.error(), e.cause()), e.duration());
        }
    }

    private Answer callOnThread(JsonNode parameters, long timeout) {
        Future<Answer> future = SYSTEM_CALLS.submit(() -> callDirectly(parameters));
        Duration limit = Duration.ofSeconds(timeout);
        Instant deadline = frame.run().deadline();
        boolean executionEndsFirst = deadline != null && Duration.between(
                frame.timeline().now(), deadline).compareTo(limit) < 0;
        if (executionEndsFirst) {
            limit = Duration.between(frame.timeline().now(), deadline);
        }
        try {
            return future.get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (executionEndsFirst) {
                throw frame.run().timedOut();
            }
            throw new StatesError(StatesError.TIMEOUT, "");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatesError error) {
                throw error;
            }
            throw new IllegalStateException("Task '" + state.name() + "' handler failed: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw frame.run().interrupted();
        }
    }

    private Answer dispatch(JsonNode parameters) {
        InvocationContext context = new InvocationContext(frame.run().executionArn(),
                state.name(), resource, retryCount, frame.timeline().now(),
                Optional.ofNullable(token), frame.run().services().callbacks());
        if (legacyLambda) {
            return lambda(resource, parameters, context, false);
        }
        if (resource.equals(LAMBDA_INVOKE) || resource.equals(LAMBDA_INVOKE + CALLBACK)) {
            JsonNode name = parameters.get("FunctionName");
            if (name == null || !name.isTextual()) {
                throw new StatesError(StatesError.RUNTIME, "The Parameters of state '"
                        + state.name() + "' need a FunctionName string for " + resource);
            }
            JsonNode payload = parameters.has("Payload") ? parameters.get("Payload")
                    : Json.object();
            return lambda(name.textValue(), payload, context, !callback);
        }
        TaskResult result;
        try {
            result = frame.run().services().tasks().handle(resource, parameters, context);
        } catch (TaskFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TaskFailedException(StatesError.TASK_FAILED, e.toString());
        }
        return new Answer(result.output(), null, result.duration());
    }

    /**
     * Calls the invoker; an exception other than {@link TaskFailedException} becomes a function
     * error named by its class, as the Java Lambda runtime reports an uncaught exception.
     */
    private LambdaResult invokeCatching(String function, JsonNode payload,
            InvocationContext context) {
        try {
            return frame.run().services().lambdas().invoke(function, payload, context);
        } catch (TaskFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            List<String> trace = new ArrayList<>();
            for (StackTraceElement element : e.getStackTrace()) {
                trace.add(element.toString());
            }
            return LambdaResult.failed(e.getClass().getName(), e.getMessage(), trace);
        }
    }

    private Answer lambda(String function, JsonNode payload, InvocationContext context,
            boolean wrap) {
        LambdaResult result = invokeCatching(function, payload, context);
        String requestId = frame.nextId("request");
        if (result.isError()) {
            throw new TaskFailedException(result.error().errorType(),
                    LambdaShapes.errorCause(result.error(), requestId), result.duration());
        }
        JsonNode output = wrap ? LambdaShapes.invokeResponse(result.payload(), requestId)
                : result.payload();
        return new Answer(output, null, result.duration());
    }

    private JsonNode awaitAnswer(JsonNode invoked, Instant start, long timeout,
            Long heartbeat) {
        submitted(invoked);
        return new CallbackWait(frame, waiting, start, timeout, heartbeat).await();
    }

    private void scheduled(JsonNode parameters, long timeout, Long heartbeat) {
        ObjectNode details = Json.object();
        if (legacyLambda) {
            details.put("resource", resource);
            details.set("input", parameters);
        } else {
            describe(details);
            details.put("region", frame.run().options().region());
            details.set("parameters", parameters);
        }
        details.put("timeoutInSeconds", timeout);
        if (heartbeat != null) {
            details.put("heartbeatInSeconds", heartbeat);
        }
        event(legacyLambda ? HistoryEventType.LambdaFunctionScheduled
                : HistoryEventType.TaskScheduled, details);
    }

    private void started() {
        ObjectNode details = Json.object();
        if (!legacyLambda) {
            describe(details);
        }
        event(legacyLambda ? HistoryEventType.LambdaFunctionStarted
                : HistoryEventType.TaskStarted, details);
    }

    private void submitted(JsonNode output) {
        ObjectNode details = Json.object();
        describe(details);
        details.set("output", output);
        event(HistoryEventType.TaskSubmitted, details);
    }

    private void succeeded(JsonNode output) {
        ObjectNode details = Json.object();
        if (!legacyLambda) {
            describe(details);
        }
        details.set("output", output);
        event(legacyLambda ? HistoryEventType.LambdaFunctionSucceeded
                : HistoryEventType.TaskSucceeded, details);
    }

    private void failed(StatesError error) {
        if (error.isRuntime()) {
            return;
        }
        ObjectNode details = Json.object();
        if (!legacyLambda) {
            describe(details);
        }
        details.put("error", error.error());
        details.put("cause", error.cause());
        boolean timedOut = StatesError.TIMEOUT.equals(error.error())
                || StatesError.HEARTBEAT_TIMEOUT.equals(error.error());
        HistoryEventType type = legacyLambda
                ? (timedOut ? HistoryEventType.LambdaFunctionTimedOut
                        : HistoryEventType.LambdaFunctionFailed)
                : (timedOut ? HistoryEventType.TaskTimedOut : HistoryEventType.TaskFailed);
        event(type, details);
    }

    /** {@code arn:aws:states:::lambda:invoke} → resourceType lambda, resource invoke. */
    private void describe(ObjectNode details) {
        if (resource.startsWith(STATES_PREFIX)) {
            String rest = resource.substring(STATES_PREFIX.length());
            int colon = rest.lastIndexOf(':');
            details.put("resourceType", colon < 0 ? rest : rest.substring(0, colon));
            details.put("resource", colon < 0 ? rest : rest.substring(colon + 1));
        } else {
            details.put("resourceType", "activity");
            details.put("resource", resource);
        }
    }

    private void event(HistoryEventType type, JsonNode details) {
        BranchRunner.event(frame, type, state.name(), details);
    }
}
