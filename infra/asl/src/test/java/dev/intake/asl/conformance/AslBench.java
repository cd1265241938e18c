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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Prints executions per second of a ten-state workload ({@code bench/ten-states.json}) on our
 * interpreter and on aws-local-stepfunctions, on this machine in the same run: the same
 * definition, input and stubs on both sides, and both must end with the case's expected output.
 * Each side first warms up (arguments: measured seconds, then warm-up seconds; defaults
 * {@value #MEASURE_SECONDS} and {@value #WARM_UP_SECONDS}: on a loaded machine the JIT needs that
 * long); ALS is timed inside node, so node's start-up is not counted. Besides wall-clock rates
 * it prints executions per CPU second of each process, which a loaded machine disturbs less.
 * Not a test: figures vary with the machine. Run it as the module README says.
 */
public final class AslBench {

    private static final int WARM_UP_SECONDS = 10;
    private static final int MEASURE_SECONDS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Executions, wall-clock seconds and process CPU seconds of one timed loop, and for our side
     * the CPU seconds of the bench thread alone (no JIT compiler or GC threads; NaN for ALS).
     */
    private record Figures(long executions, double seconds, double cpuSeconds,
            double threadCpuSeconds) {

        double perSecond() {
            return executions / seconds;
        }

        double perCpuSecond() {
            return executions / cpuSeconds;
        }

        double perThreadCpuSecond() {
            return executions / threadCpuSeconds;
        }
    }

    private AslBench() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : MEASURE_SECONDS;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : WARM_UP_SECONDS;
        Path caseFile = Corpus.moduleDir().resolve("src/test/resources/bench/ten-states.json");
        ConformanceCase workload = ConformanceCase.loadAll(caseFile.getParent(), Corpus.repoRoot())
                .get(0);

        Figures ours = measureOurs(workload, seconds, warmUp);
        JsonNode als = AlsDriver.bench(caseFile, seconds, warmUp);
        Figures alsFigures = alsFigures(als, workload);
        String calls = requireSameCalls(workload, als.get("lastInvocations"));

        System.out.println(String.format(Locale.ROOT,
                "ASL bench: %s, %d s per side after %d s warm-up, load average %s%n"
                        + "  both sides reached the expected output with stub calls %s%n"
                        + "  %-58s %8s %8s%n"
                        + "  %-58s %8.0f %8.0f%n"
                        + "  %-58s %8.0f %8.0f%n"
                        + "  ratio (ours / ALS): %.1fx wall-clock, %.1fx per CPU second%n"
                        + "  intake, bench thread's CPU only (no JIT, no GC): %.0f exec/cpu-s",
                caseFile.getFileName(), seconds, warmUp, loadAverage(), calls,
                "", "exec/s", "exec/cpu-s",
                "intake interpreter (virtual clock)", ours.perSecond(), ours.perCpuSecond(),
                "aws-local-stepfunctions 3.0.0 (waits, retry intervals zeroed)",
                alsFigures.perSecond(), alsFigures.perCpuSecond(),
                ours.perSecond() / alsFigures.perSecond(),
                ours.perCpuSecond() / alsFigures.perCpuSecond(), ours.perThreadCpuSecond()));
    }

    private static Figures measureOurs(ConformanceCase workload, int seconds, int warmUp) {
        StateMachine machine = StateMachine.parse(workload.definition());
        Stubs stubs = Stubs.parse(workload.stubs(), "bench/ten-states.json");
        JsonNode expected = workload.expect().get("output");
        runFor(machine, workload, stubs, expected, warmUp);
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        long threadCpuStarted = THREADS.getCurrentThreadCpuTime();
        long executions = runFor(machine, workload, stubs, expected, seconds);
        return new Figures(executions, (System.nanoTime() - started) / 1e9,
                (processCpuNanos() - cpuStarted) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - threadCpuStarted) / 1e9);
    }

    private static Figures alsFigures(JsonNode als, ConformanceCase workload) {
        requireExpected("aws-local-stepfunctions", als.get("lastStatus").textValue(),
                als.get("lastOutput"), workload.expect().get("output"));
        return new Figures(als.get("executions").longValue(), als.get("seconds").doubleValue(),
                als.get("cpuSeconds").doubleValue(), Double.NaN);
    }

    /** The stub calls of one execution of ours, which must equal those of ALS's last one. */
    private static String requireSameCalls(ConformanceCase workload, JsonNode alsCalls) {
        StateMachine machine = StateMachine.parse(workload.definition());
        StubbedResources resources = Stubs.parse(workload.stubs(), "bench/ten-states.json")
                .resources();
        Interpreter.builder().clock(new VirtualClock(JavaRunner.START)).lambdas(resources)
                .tasks(resources).build()
                .run(machine, workload.input(), ExecutionOptions.named("bench"));
        Map<String, Integer> ours = new TreeMap<>();
        Map<String, Integer> theirs = new TreeMap<>();
        workload.stubs().fieldNames().forEachRemaining(state -> {
            ours.put(state, resources.callCount(state));
            theirs.put(state, alsCalls.path(state).asInt(0));
        });
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the two sides called the stubs differently: intake "
                    + ours + ", aws-local-stepfunctions " + theirs);
        }
        return ours.toString();
    }

    private static long runFor(StateMachine machine, ConformanceCase workload, Stubs stubs,
            JsonNode expected, int seconds) {
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        long executions = 0;
        while (System.nanoTime() < stopAt) {
            ExecutionResult result = runOnce(machine, workload, stubs);
            requireExpected("intake interpreter", result.status().name(),
                    result.output(), expected);
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

    /** Both sides must really run the workload to its expected end, or the figures mean nothing. */
    private static void requireExpected(String side, String status, JsonNode output,
            JsonNode expected) {
        String wanted = ExecutionStatus.SUCCEEDED.name();
        if (!wanted.equals(status) || !expected.toString().equals(String.valueOf(output))) {
            throw new IllegalStateException(side + " did not run the bench workload as expected:"
                    + " status " + status + ", output " + output + "; expected " + wanted + ", "
                    + expected);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f on %d CPUs", load,
                Runtime.getRuntime().availableProcessors());
    }
}
