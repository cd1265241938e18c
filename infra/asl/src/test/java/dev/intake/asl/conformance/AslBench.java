package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.VirtualClock;
import dev.intake.asl.stubs.StubbedResources;
import dev.intake.asl.stubs.Stubs;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Prints executions per second of a ten-state workload ({@code bench/ten-states.json}) on our
 * interpreter and on aws-local-stepfunctions, on this machine in the same run. Both sides warm up
 * first; ALS is timed inside node, so node's start-up is not counted. Not a test: figures vary
 * with the machine. Run it as the module README says.
 */
public final class AslBench {

    private static final int WARM_UP_SECONDS = 3;
    private static final int MEASURE_SECONDS = 5;

    private AslBench() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : MEASURE_SECONDS;
        Path caseFile = Corpus.moduleDir().resolve("src/test/resources/bench/ten-states.json");
        ConformanceCase workload = ConformanceCase.loadAll(caseFile.getParent(), Corpus.repoRoot())
                .get(0);

        double ours = measureOurs(workload, seconds);
        JsonNode als = AlsDriver.bench(caseFile, seconds);

        System.out.println(String.format(Locale.ROOT,
                "ASL bench, ten-state workload, %d s each after warm-up:%n"
                        + "  intake interpreter (virtual clock): %.0f executions/s%n"
                        + "  aws-local-stepfunctions 3.0.0 (waits and retries zeroed): %.0f"
                        + " executions/s%n  ratio: %.1fx",
                seconds, ours, als.get("executionsPerSecond").doubleValue(),
                ours / als.get("executionsPerSecond").doubleValue()));
    }

    private static double measureOurs(ConformanceCase workload, int seconds) {
        StateMachine machine = StateMachine.parse(workload.definition());
        Stubs stubs = Stubs.parse(workload.stubs(), "bench/ten-states.json");
        runFor(machine, workload, stubs, WARM_UP_SECONDS);
        long started = System.nanoTime();
        long executions = runFor(machine, workload, stubs, seconds);
        return executions / ((System.nanoTime() - started) / 1e9);
    }

    private static long runFor(StateMachine machine, ConformanceCase workload, Stubs stubs,
            int seconds) {
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        long executions = 0;
        while (System.nanoTime() < stopAt) {
            requireSuccess(runOnce(machine, workload, stubs));
            executions++;
        }
        return executions;
    }

    private static ExecutionResult runOnce(StateMachine machine, ConformanceCase workload,
            Stubs stubs) {
        StubbedResources resources = stubs.resources();
        Interpreter interpreter = Interpreter.builder()
                .clock(new VirtualClock(JavaRunner.START))
                .lambdas(resources)
                .tasks(resources)
                .random(new Random(0))
                .build();
        return interpreter.run(machine, workload.input(), ExecutionOptions.named("bench"));
    }

    private static void requireSuccess(ExecutionResult result) {
        if (result.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("bench workload did not succeed: " + result.error()
                    + " " + result.cause());
        }
    }
}
