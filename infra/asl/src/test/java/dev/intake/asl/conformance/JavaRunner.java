package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.AslDefinitionException;
import dev.intake.asl.AslObjectStore;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.HistoryEvent;
import dev.intake.asl.HistoryEventType;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.VirtualClock;
import dev.intake.asl.stubs.StubbedResources;
import dev.intake.asl.stubs.Stubs;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Runs a case through our interpreter on a virtual clock, with the case's stubs and objects. */
final class JavaRunner {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private JavaRunner() {
    }

    static Outcome run(ConformanceCase testCase) {
        return run(testCase, 1);
    }

    /** As {@link #run(ConformanceCase)}, with {@code threads} running branches and iterations. */
    static Outcome run(ConformanceCase testCase, int threads) {
        StateMachine machine;
        try {
            machine = StateMachine.parse(testCase.definition());
        } catch (AslDefinitionException refused) {
            return Outcome.refused(refused.getMessage());
        }
        try {
            return execute(testCase, machine, threads);
        } catch (RuntimeException problem) {
            return Outcome.crashed(problem);
        }
    }

    private static Outcome execute(ConformanceCase testCase, StateMachine machine, int threads) {
        StubbedResources resources = Stubs.parse(testCase.stubs(), "case " + testCase.id())
                .resources();
        Interpreter interpreter = Interpreter.builder()
                .clock(new VirtualClock(START))
                .lambdas(resources)
                .tasks(resources)
                .objects(new MemoryObjects(testCase.objects()))
                .random(new Random(0))
                .parallelism(threads)
                .build();

        ExecutionResult result = interpreter.run(machine, testCase.input(),
                ExecutionOptions.named(testCase.id().replace('/', '-')));

        return new Outcome(result.status().name(), result.output(), result.error(),
                result.cause(), invocations(testCase, result), retryDelays(result));
    }

    private static Map<String, Integer> invocations(ConformanceCase testCase,
            ExecutionResult result) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        testCase.stubs().fieldNames().forEachRemaining(state ->
                counts.put(state, result.invocationCount(state)));
        testCase.json().path("expectInvocations").fieldNames().forEachRemaining(state ->
                counts.put(state, result.invocationCount(state)));
        return counts;
    }

    private static Map<String, List<BigDecimal>> retryDelays(ExecutionResult result) {
        Map<String, List<BigDecimal>> delays = new LinkedHashMap<>();
        for (HistoryEvent event : result.events(HistoryEventType.RetryScheduled)) {
            delays.computeIfAbsent(event.stateName(), state -> new ArrayList<>())
                    .add(event.details().path("delaySeconds").decimalValue());
        }
        return delays;
    }

    /** The case's {@code objects}: keys are {@code bucket/key}. */
    private static final class MemoryObjects implements AslObjectStore {

        private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        MemoryObjects(JsonNode initial) {
            initial.properties().forEach(entry -> objects.put(entry.getKey(),
                    entry.getValue().textValue().getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            return Optional.ofNullable(objects.get(bucket + "/" + key));
        }

        @Override
        public void put(String bucket, String key, byte[] bytes) {
            objects.put(bucket + "/" + key, bytes.clone());
        }
    }
}
