package dev.intake.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.local.runtime.LocalRuntime;
import dev.intake.run.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The child JVM of {@code intake bench-large-file}: uploads the big file to the bench job with the
 * import killed after a given number of rows, lets the rerun finish on the virtual clock, and
 * prints one JSON line with both attempts, the destination's row and key counts and the peak heap.
 */
public final class LargeFileImport {

    private LargeFileImport() {}

    /** Arguments: STATE-DIR FILE CRASH-AFTER-ROWS. */
    public static void main(String[] args) {
        Path stateDirectory = Path.of(args[0]);
        Path file = Path.of(args[1]);
        String faults = "import:1:crash:" + Long.parseLong(args[2]);
        HeapSampler sampler = HeapSampler.start();
        ObjectNode result;
        try (LocalIntake intake = LocalRuntime.open(stateDirectory, new LocalRuntime.Options(
                LocalRuntime.ClockMode.VIRTUAL, faults, Instant.now()))) {
            String jobId = intake.createJob(copyDefinition(stateDirectory)).id();
            intake.activate(jobId);

            List<Run> runs = intake.upload(jobId, file);

            result = attempts(runs);
            destinationCounts(intake.databaseFile(), result);
        }
        HeapSampler.Peaks peaks = sampler.stop();
        result.put("sampledPeakHeapBytes", peaks.used());
        result.put("peakHeapAfterGcBytes", peaks.afterGc());
        result.put("cpuMillis", processCpu().toMillis());
        System.out.println(result.toString());
    }

    private static ObjectNode attempts(List<Run> runs) {
        Run first = runs.get(0);
        Run last = runs.get(runs.size() - 1);
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("attempts", runs.size());
        node.put("firstRunId", first.id());
        node.put("firstStatus", first.status().label());
        node.put("firstReason", first.reason() == null ? null
                : first.reason().code() + ": " + first.reason().message());
        node.put("rerunId", last.id());
        node.put("rerunStatus", last.status().label());
        node.put("read", last.counts().read());
        node.put("imported", last.counts().imported());
        node.put("failed", last.counts().failed());
        node.put("duplicates", last.counts().duplicates());
        return node;
    }

    /** Rows in the bench table and distinct keys among them: equal when nothing is doubled. */
    private static void destinationCounts(Path database, ObjectNode result) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT id) FROM bench")) {
            rows.next();
            result.put("tableRows", rows.getLong(1));
            result.put("distinctKeys", rows.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of table bench in " + database, e);
        }
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
        try (InputStream in = LargeFileImport.class.getClassLoader()
                .getResourceAsStream(BenchImport.JOB_DEFINITION)) {
            Files.createDirectories(stateDirectory);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
