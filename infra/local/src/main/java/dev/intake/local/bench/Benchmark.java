package dev.intake.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The end-to-end benchmark: a generated file imported through the real workflow in a child JVM with
 * a small heap, and the same file imported by the sqlite3 shell as the baseline.
 */
public final class Benchmark {

    /**
     * What to run: how many rows, the child's -Xmx, the directory to work in, and how many times
     * each side imports the file.
     */
    public record Settings(long rows, String maxHeap, Path workDirectory, int runs) {}

    /**
     * One round: the import through the workflow ({@code child} is the JSON line
     * {@link BenchImport} printed), then sqlite3 on the same file.
     */
    public record Round(JsonNode child, Duration childWall, Duration sqlite) {

        public long endToEndMillis() {
            return child.get("endToEndMillis").asLong();
        }
    }

    /** What was measured, round by round. */
    public record Result(long rows, long fileBytes, Duration generate, List<Round> rounds) {

        public Result {
            rounds = List.copyOf(rounds);
        }

        /** The round whose end-to-end time is the median: the one whose steps are shown. */
        public Round medianRound() {
            List<Round> sorted = rounds.stream()
                    .sorted(Comparator.comparingLong(Round::endToEndMillis)).toList();
            return sorted.get(sorted.size() / 2);
        }

        public Duration medianSqlite() {
            List<Duration> sorted = rounds.stream().map(Round::sqlite).sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        /** Median end to end over median sqlite3 time. */
        public double ratio() {
            return medianRound().endToEndMillis() / (double) Math.max(1,
                    medianSqlite().toMillis());
        }
    }

    private Benchmark() {}

    /**
     * Generates the file, then alternates the two imports so that a busy spell of the machine
     * weighs on both sides alike.
     */
    public static Result run(Settings settings) {
        Path file = settings.workDirectory().resolve("bench.csv");
        createDirectory(settings.workDirectory());

        long start = System.nanoTime();
        long bytes = BenchFile.generate(file, settings.rows());
        Duration generate = Duration.ofNanos(System.nanoTime() - start);

        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.runs(); round++) {
            rounds.add(round(settings, file));
        }
        return new Result(settings.rows(), bytes, generate, rounds);
    }

    /** One import each way, each into a database of its own, deleted afterwards. */
    private static Round round(Settings settings, Path file) {
        Path state = settings.workDirectory().resolve("state");
        Path sqliteFile = settings.workDirectory().resolve("sqlite3.db");
        FileTrees.delete(state);

        long start = System.nanoTime();
        JsonNode child = importInChildJvm(settings, file);
        Duration childWall = Duration.ofNanos(System.nanoTime() - start);
        FileTrees.delete(state);

        Duration sqlite = SqliteBaseline.time(file, sqliteFile);
        FileTrees.delete(sqliteFile);
        return new Round(child, childWall, sqlite);
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
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptionsOfThisJvm());
        command.addAll(List.of("-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path")));
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

    /**
     * The -XX options this JVM was started with (the collector the {@code intake} launcher
     * chooses, and any from INTAKE_JAVA_OPTS), so that the child measures the JVM a user runs.
     */
    public static List<String> jvmOptionsOfThisJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:"))
                .toList();
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
