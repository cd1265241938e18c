package dev.intake.asl.internal;

import dev.intake.asl.AslClock;
import dev.intake.asl.AslObjectStore;
import dev.intake.asl.LambdaInvoker;
import dev.intake.asl.TaskHandler;
import java.util.Objects;
import java.util.Random;

/** What an interpreter was configured with, shared by all its executions. */
public record Services(
        AslClock clock,
        LambdaInvoker lambdas,
        TaskHandler tasks,
        AslObjectStore objects,
        Random random,
        int parallelism,
        CallbackRegistry callbacks) {

    public Services {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lambdas, "lambdas");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(callbacks, "callbacks");
    }
}
