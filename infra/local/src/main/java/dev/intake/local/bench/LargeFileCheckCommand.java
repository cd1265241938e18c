package dev.intake.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code intake bench-large-file}: a big generated file imported in a child JVM with a small heap,
 * killed midway through Importing, then rerun. Checks that the first attempt ends Failed with a
 * reason, the rerun completes, and the destination holds each row once; exit 1 when a check fails.
 */
@Command(name = "bench-large-file", mixinStandardHelpOptions = true,
        description = {"Generate a zip-code-shaped file of about --size-mb MB, upload it in a child"
                + " JVM with -Xmx --heap, kill the import after half of the rows, let the rerun"
                + " finish and check that no row is lost or doubled.",
            "Works in STATE-DIR/large-file, whose state is emptied first."})
public final class LargeFileCheckCommand implements Callable<Integer> {

    private static final int SAMPLE_ROWS = 10_000;

    @Option(names = "--size-mb", defaultValue = "1024", paramLabel = "MB",
            description = "About how big the generated file is (default: ${DEFAULT-VALUE}).")
    long sizeMb;

    @Option(names = "--heap", defaultValue = "256m", paramLabel = "SIZE",
            description = "-Xmx of the importing JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = stateDirectory().resolve("large-file");
        Path file = directory.resolve("large.csv");
        deleteState(directory);

        long start = System.nanoTime();
        long rows = generate(file);
        out.printf("Generated %,d rows (%.1f MB) in %.1f s%n", rows, size(file) / 1e6,
                (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        JsonNode child = Benchmark.runInChildJvm(heap, LargeFileImport.class, List.of(
                directory.resolve("state").toString(), file.toString(), Long.toString(rows / 2)));
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        print(out, child, wallMillis);
        List<String> failures = failedChecks(child, rows);
        failures.forEach(failure -> out.println("CHECK FAILED: " + failure));
        out.println(failures.isEmpty() ? "All checks passed." : failures.size() + " check(s) failed.");
        return failures.isEmpty() ? 0 : 1;
    }

    /** Writes a sample to learn the row size, then the file of about {@code --size-mb}. */
    private long generate(Path file) {
        if (sizeMb < 1) {
            throw new IllegalArgumentException("--size-mb must be at least 1, was " + sizeMb);
        }
        long sampleBytes = BenchFile.generate(file, SAMPLE_ROWS);
        long rows = Math.max(2, sizeMb * 1_000_000 * SAMPLE_ROWS / sampleBytes);
        BenchFile.generate(file, rows);
        return rows;
    }

    private void print(PrintWriter out, JsonNode child, long wallMillis) {
        out.printf("First attempt %s: %s; reason: %s%n", child.get("firstRunId").asText(),
                child.get("firstStatus").asText(), child.get("firstReason").asText());
        out.printf("Rerun %s: %s (attempts: %d)%n", child.get("rerunId").asText(),
                child.get("rerunStatus").asText(), child.get("attempts").asInt());
        out.printf("Rerun counts: %,d read, %,d imported, %,d failed, %,d duplicates%n",
                child.get("read").asLong(), child.get("imported").asLong(),
                child.get("failed").asLong(), child.get("duplicates").asLong());
        out.printf("Destination: %,d rows, %,d distinct keys%n", child.get("tableRows").asLong(),
                child.get("distinctKeys").asLong());
        out.printf("Peak heap of the child (limit -Xmx%s): %.0f MB in use, garbage included;"
                        + " %.0f MB still in use after a collection%n", heap,
                child.get("sampledPeakHeapBytes").asLong() / 1e6,
                child.get("peakHeapAfterGcBytes").asLong() / 1e6);
        out.printf("Child JVM wall time, start-up included: %.1f s; CPU time %.1f s%n",
                wallMillis / 1e3, child.get("cpuMillis").asLong() / 1e3);
    }

    /** Each check that does not hold, said with what was expected and what was found. */
    static List<String> failedChecks(JsonNode child, long rows) {
        List<String> failures = new ArrayList<>();
        expect(failures, "first attempt status", "failed", child.get("firstStatus").asText());
        if (child.get("firstReason").isNull()) {
            failures.add("the first attempt has no failure reason");
        }
        expect(failures, "attempts", "2", child.get("attempts").asText());
        expect(failures, "rerun status", "completed", child.get("rerunStatus").asText());
        for (String count : List.of("read", "imported", "tableRows", "distinctKeys")) {
            expect(failures, count, Long.toString(rows), child.get(count).asText());
        }
        for (String count : List.of("failed", "duplicates")) {
            expect(failures, count, "0", child.get(count).asText());
        }
        return failures;
    }

    private static void expect(List<String> failures, String what, String expected, String found) {
        if (!expected.equals(found)) {
            failures.add(what + ": expected " + expected + ", found " + found);
        }
    }

    /** --state-dir of the intake command, else $INTAKE_HOME, else ./.intake. */
    private Path stateDirectory() {
        OptionSpec option = spec.findOption("--state-dir");
        Path chosen = option == null ? null : option.getValue();
        if (chosen != null) {
            return chosen;
        }
        String home = System.getenv("INTAKE_HOME");
        return home == null || home.isBlank() ? Path.of(".intake") : Path.of(home);
    }

    /** Empties the check's own state, so that the upload is a new file to a new job. */
    private static void deleteState(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        FileTrees.delete(directory.resolve("state"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
