package dev.intake.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end benchmark: a generated file imported through the real workflow in a child JVM with
 * a small heap, and the same file imported by the sqlite3 shell as the baseline.
 */
public final class Benchmark {

    /** What to run: how many rows, the child's -Xmx, and the directory to work in. */
    public record Settings(long rows, String maxHeap, Path workDirectory) {}

    /** What was measured; {@code child} is the JSON line {@link BenchImport} printed. */
    public record Result(long rows, long fileBytes, Duration generate, JsonNode child,
            Duration childWall, Duration sqlite) {

        public double ratio() {
            return child.get("endToEndMillis").asDouble() / Math.max(1, sqlite.toMillis());
        }
    }

    private Benchmark() {}

    public static Result run(Settings settings) {
        Path file = settings.workDirectory().resolve("bench.csv");
        createDirectory(settings.workDirectory());

        long start = System.nanoTime();
        long bytes = BenchFile.generate(file, settings.rows());
        Duration generate = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        JsonNode child = importInChildJvm(settings, file);
        Duration childWall = Duration.ofNanos(System.nanoTime() - start);

        Duration sqlite = SqliteBaseline.time(file, settings.workDirectory().resolve("sqlite3.db"));

        return new Result(settings.rows(), bytes, generate, child, childWall, sqlite);
    }

    private static JsonNode importInChildJvm(Settings settings, Path file) {
        return runInChildJvm(settings.maxHeap(), BenchImport.class,
                List.of(settings.workDirectory().resolve("state").toString(), file.toString()));
    }

    /**
     * Runs {@code main} with {@code arguments} in a JVM of this class path with {@code -Xmx}
     * {@code maxHeap}, its errors passed through, and reads the JSON line it prints last.
     */
    static JsonNode runInChildJvm(String maxHeap, Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("intake.repo") != null) {
            command.add("-Dintake.repo=" + System.getProperty("intake.repo"));
        }
        command.add(main.getName());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(main.getSimpleName() + " (java -Xmx" + maxHeap
                        + ") exited with " + exit + "; its errors are above");
            }
            String[] lines = output.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + main.getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + main.getSimpleName(), e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }
}
