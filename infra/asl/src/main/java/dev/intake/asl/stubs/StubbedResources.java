package dev.intake.asl.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.intake.asl.InvocationContext;
import dev.intake.asl.LambdaInvoker;
import dev.intake.asl.LambdaResult;
import dev.intake.asl.TaskCallbacks;
import dev.intake.asl.TaskFailedException;
import dev.intake.asl.TaskHandler;
import dev.intake.asl.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every Task from {@link Stubs}: register one instance as both the interpreter's
 * {@link LambdaInvoker} and its {@link TaskHandler}. Counts calls per state name, so the n-th
 * call of a state gets its n-th answer (the last answer repeats). For a {@code .waitForTaskToken}
 * task the answer is sent through the token at once and lands when the call's duration ends.
 */
public final class StubbedResources implements LambdaInvoker, TaskHandler {

    private final Stubs stubs;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    StubbedResources(Stubs stubs) {
        this.stubs = stubs;
    }

    @Override
    public LambdaResult invoke(String functionName, JsonNode payload, InvocationContext context) {
        StubAnswer answer = next(context);
        if (context.taskToken().isPresent()) {
            answerCallback(answer, context);
            return LambdaResult.of(JsonNodeFactory.instance.objectNode()).after(answer.duration());
        }
        if (answer instanceof StubAnswer.Return value) {
            return LambdaResult.of(value.value()).after(value.duration());
        }
        StubAnswer.Throw failure = requireThrow(answer, context);
        if (isServiceError(failure.error())) {
            throw new TaskFailedException(failure.error(), failure.cause(), failure.duration());
        }
        return LambdaResult.failed(failure.error(), failure.cause(), List.of())
                .after(failure.duration());
    }

    @Override
    public TaskResult handle(String resource, JsonNode parameters, InvocationContext context) {
        StubAnswer answer = next(context);
        if (context.taskToken().isPresent()) {
            answerCallback(answer, context);
            return TaskResult.of(JsonNodeFactory.instance.objectNode()).after(answer.duration());
        }
        if (answer instanceof StubAnswer.Return value) {
            return TaskResult.of(value.value()).after(value.duration());
        }
        StubAnswer.Throw failure = requireThrow(answer, context);
        throw new TaskFailedException(failure.error(), failure.cause(), failure.duration());
    }

    /** How many times {@code stateName} has been called so far. */
    public int callCount(String stateName) {
        AtomicInteger count = calls.get(stateName);
        return count == null ? 0 : count.get();
    }

    private StubAnswer next(InvocationContext context) {
        String state = context.stateName();
        List<StubAnswer> answers = stubs.answers(state)
                .orElseThrow(() -> new MissingStubException(state, stubs.source()));
        int call = calls.computeIfAbsent(state, name -> new AtomicInteger()).getAndIncrement();
        return answers.get(Math.min(call, answers.size() - 1));
    }

    private void answerCallback(StubAnswer answer, InvocationContext context) {
        String token = context.taskToken().orElseThrow();
        TaskCallbacks callbacks = context.callbacks();
        if (answer instanceof StubAnswer.Return value) {
            callbacks.sendTaskSuccess(token, value.value());
        } else if (answer instanceof StubAnswer.Throw failure) {
            callbacks.sendTaskFailure(token, failure.error(), failure.cause());
        }
    }

    private StubAnswer.Throw requireThrow(StubAnswer answer, InvocationContext context) {
        if (!(answer instanceof StubAnswer.Throw failure)) {
            throw new StubFormatException(stubs.source() + ", state '" + context.stateName()
                    + "': \"noCallback\" only fits a .waitForTaskToken resource, not "
                    + context.resource());
        }
        if (failure.error() == null) {
            throw new StubFormatException(stubs.source() + ", state '" + context.stateName()
                    + "': \"throw\".error may be null only for a .waitForTaskToken resource");
        }
        return failure;
    }

    /** Failures of the Lambda service itself, not of the function's code. */
    private static boolean isServiceError(String error) {
        return error.startsWith("Lambda.") || error.startsWith("States.");
    }
}
