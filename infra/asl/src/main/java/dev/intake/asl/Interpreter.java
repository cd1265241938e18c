package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.internal.CallbackRegistry;
import dev.intake.asl.internal.ExecutionRunner;
import dev.intake.asl.internal.Services;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Runs {@link StateMachine}s in this JVM. Tasks call the configured {@link LambdaInvoker} and
 * {@link TaskHandler}; waits, retry delays and timeouts follow the configured {@link AslClock}.
 * Also the {@link TaskCallbacks} endpoint for every execution it runs. Thread-safe: several
 * executions may run at once.
 */
public final class Interpreter implements TaskCallbacks {

    private final Services services;

    private Interpreter(Builder builder) {
        this.services = new Services(builder.clock, builder.lambdas, builder.tasks,
                builder.objects, builder.random, builder.parallelism, new CallbackRegistry());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs an execution to its end on the calling thread. Never throws for a failing workflow:
     * the failure is in the result.
     *
     * @throws IllegalArgumentException when {@code input} is not valid execution input (over
     *     262,144 bytes), as StartExecution would refuse it
     */
    public ExecutionResult run(StateMachine stateMachine, JsonNode input,
            ExecutionOptions options) {
        return ExecutionRunner.prepare(stateMachine.definition(), input, options, services, false)
                .run();
    }

    /**
     * Starts an execution on a new thread and returns at once; see {@link AslExecution} for how
     * callbacks and virtual time behave then.
     */
    public AslExecution start(StateMachine stateMachine, JsonNode input, ExecutionOptions options) {
        return ExecutionRunner.prepare(stateMachine.definition(), input, options, services, true)
                .startAsync();
    }

    @Override
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        services.callbacks().sendTaskSuccess(taskToken, output);
    }

    @Override
    public void sendTaskFailure(String taskToken, String error, String cause) {
        services.callbacks().sendTaskFailure(taskToken, error, cause);
    }

    @Override
    public void sendTaskHeartbeat(String taskToken) {
        services.callbacks().sendTaskHeartbeat(taskToken);
    }

    /** Configures an {@link Interpreter}; every setting has a default. */
    public static final class Builder {

        private AslClock clock = new SystemClock();
        private LambdaInvoker lambdas = (name, payload, context) -> {
            throw new TaskFailedException("Lambda.ResourceNotFoundException",
                    "Function not found: " + name + " (no LambdaInvoker configured)");
        };
        private TaskHandler tasks = (resource, parameters, context) -> {
            throw new TaskFailedException("States.TaskFailed",
                    "No TaskHandler configured for resource " + resource);
        };
        private AslObjectStore objects = new AslObjectStore() {
            @Override
            public Optional<byte[]> get(String bucket, String key) {
                return Optional.empty();
            }

            @Override
            public void put(String bucket, String key, byte[] bytes) {
                throw new IllegalStateException("no AslObjectStore configured to write s3://"
                        + bucket + "/" + key);
            }
        };
        private Random random = new Random(0);
        private int parallelism = 1;

        private Builder() {
        }

        /** Default: a {@link SystemClock}. */
        public Builder clock(AslClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Default: every function is missing ({@code Lambda.ResourceNotFoundException}). */
        public Builder lambdas(LambdaInvoker value) {
            this.lambdas = Objects.requireNonNull(value, "lambdas");
            return this;
        }

        /** Default: every other resource fails with {@code States.TaskFailed}. */
        public Builder tasks(TaskHandler value) {
            this.tasks = Objects.requireNonNull(value, "tasks");
            return this;
        }

        /** Default: an empty store that refuses writes. */
        public Builder objects(AslObjectStore value) {
            this.objects = Objects.requireNonNull(value, "objects");
            return this;
        }

        /**
         * Source of retry jitter, {@code States.MathRandom} without seed and {@code States.UUID}.
         * Default: {@code new Random(0)}, so runs repeat exactly.
         */
        public Builder random(Random value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Threads that run Parallel branches and Map iterations at once (default 1: one after
         * another on the execution's thread). Results and history do not depend on it; only the
         * order in which handlers are called does.
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was "
                        + threads);
            }
            this.parallelism = threads;
            return this;
        }

        public Interpreter build() {
            return new Interpreter(this);
        }
    }
}
