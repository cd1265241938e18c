package dev.intake.asl.internal;

import dev.intake.asl.AslExecution;
import dev.intake.asl.ExecutionResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** An execution running on its own thread. */
final class AsyncExecution implements AslExecution {

    private final Run run;
    private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    private final Map<String, Integer> tokensTaken = new HashMap<>();

    AsyncExecution(Run run, Supplier<ExecutionResult> body) {
        this.run = run;
        Thread thread = new Thread(() -> {
            try {
                result.complete(body.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "asl-execution-" + run.options().executionName());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String executionArn() {
        return run.executionArn();
    }

    @Override
    public synchronized String awaitTaskToken(String stateName, Duration realTimeLimit) {
        int skip = tokensTaken.getOrDefault(stateName, 0);
        String token;
        try {
            token = run.awaitToken(stateName, skip, realTimeLimit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task token of "
                    + stateName, e);
        }
        if (token == null) {
            throw new IllegalStateException("No task of state \"" + stateName + "\" waited for "
                    + "a token (number " + (skip + 1) + ") within " + realTimeLimit
                    + " or before the execution ended");
        }
        tokensTaken.put(stateName, skip + 1);
        return token;
    }

    @Override
    public ExecutionResult awaitResult() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + executionArn(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution " + executionArn() + " crashed: "
                    + e.getCause(), e.getCause());
        }
    }

    @Override
    public void abort(String error, String cause) {
        run.abort(error, cause);
    }
}
