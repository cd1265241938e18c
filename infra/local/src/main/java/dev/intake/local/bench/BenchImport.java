package dev.intake.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.LocalRuntime;
import dev.intake.run.Run;
import dev.intake.run.StatusChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The measured part of the benchmark, run in its own JVM (the parent starts it with
 * {@code -Xmx256m}): creates the bench job, uploads the file through the real workflow on the
 * system clock, and prints one JSON line with the step times and the peak heap.
 */
public final class BenchImport {

    static final String JOB_DEFINITION = "demo/bench.yaml";

    private BenchImport() {}

    /** Arguments: STATE-DIR FILE. */
    public static void main(String[] args) {
        Path stateDirectory = Path.of(args[0]);
        Path file = Path.of(args[1]);
        HeapSampler sampler = HeapSampler.start();
        ObjectNode result;
        // The system clock, so that the status times measure the steps.
        try (LocalIntake intake = LocalRuntime.open(stateDirectory,
                LocalRuntime.ClockMode.SYSTEM)) {
            String jobId = intake.createJob(copyDefinition(stateDirectory)).id();
            intake.activate(jobId);
            long start = System.nanoTime();
            List<Run> runs = intake.upload(jobId, file);
            Duration endToEnd = Duration.ofNanos(System.nanoTime() - start);
            result = result(runs.get(runs.size() - 1), endToEnd);
        }
        HeapSampler.Peaks peaks = sampler.stop();
        result.put("sampledPeakHeapBytes", peaks.used());
        result.put("peakHeapAfterGcBytes", peaks.afterGc());
        result.put("cpuMillis", processCpu().toMillis());
        result.put("loadAverage", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        System.out.println(result.toString());
    }

    private static ObjectNode result(Run run, Duration endToEnd) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("runId", run.id());
        node.put("status", run.status().label());
        node.put("read", run.counts().read());
        node.put("imported", run.counts().imported());
        node.put("failed", run.counts().failed());
        node.put("validateMillis", between(run, "validating", "processing"));
        node.put("processMillis", between(run, "processing", "importing"));
        node.put("importMillis", between(run, "importing", run.status().label()));
        node.put("endToEndMillis", endToEnd.toMillis());
        return node;
    }

    private static long between(Run run, String from, String to) {
        Instant start = at(run, from);
        Instant end = at(run, to);
        return start == null || end == null ? -1 : Duration.between(start, end).toMillis();
    }

    private static Instant at(Run run, String status) {
        return run.history().stream()
                .filter(change -> change.status().equalsIgnoreCase(status))
                .map(StatusChange::at)
                .findFirst()
                .orElse(null);
    }

    /** CPU time this JVM used, all threads, JIT and GC included (zero where unsupported). */
    private static Duration processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(Math.max(0, os.getProcessCpuTime()));
        }
        return Duration.ZERO;
    }

    private static Path copyDefinition(Path stateDirectory) {
        Path target = stateDirectory.resolve("bench.yaml");
        try (InputStream in = BenchImport.class.getClassLoader()
                .getResourceAsStream(JOB_DEFINITION)) {
            Files.createDirectories(stateDirectory);
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
