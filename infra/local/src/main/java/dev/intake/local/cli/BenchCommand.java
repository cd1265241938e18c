package dev.intake.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.local.bench.Benchmark;
import dev.intake.local.bench.Benchmark.Result;
import dev.intake.local.bench.Benchmark.Round;
import dev.intake.local.bench.Benchmark.Settings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code intake bench}: rows per second of each step, against sqlite3's own CSV import. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generate a file shaped like the zip codes, import it end to end through the"
                + " workflow in a child JVM with a small heap, and compare with sqlite3 .import.",
            "Works in STATE-DIR/bench, which is emptied first."})
final class BenchCommand extends CliCommand implements Runnable {

    @Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows in the generated file (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--heap", defaultValue = "256m", paramLabel = "SIZE",
            description = "-Xmx of the importing JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Imports each way, alternating; medians are compared"
                    + " (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public void run() {
        if (rows < 1) {
            throw new CliFailure(ExitCode.USAGE, "--rows must be at least 1, was " + rows);
        }
        if (runs < 1) {
            throw new CliFailure(ExitCode.USAGE, "--runs must be at least 1, was " + runs);
        }
        Path directory = cli().stateDirectory().resolve("bench");
        Directories.reset(directory, "bench.csv", "intake bench");
        err().println("intake: generating " + rows
                + " rows and importing them; this takes a while");
        Result result = Benchmark.run(new Settings(rows, heap, directory, runs));
        print(out(), result);
        for (Round round : result.rounds()) {
            String status = round.child().get("status").asText();
            if (!"completed".equals(status)) {
                throw new CliFailure(ExitCode.RUN_FAILED, "a benchmark run ended " + status);
            }
        }
    }

    private void print(PrintWriter out, Result result) {
        out.printf("Benchmark: %,d rows (%.1f MB) generated in %.1f s%n", result.rows(),
                result.fileBytes() / 1e6, result.generate().toMillis() / 1e3);
        Table rounds = new Table("ROUND", "END TO END", "SQLITE3 .IMPORT", "RATIO", "LOAD");
        for (int index = 0; index < result.rounds().size(); index++) {
            Round round = result.rounds().get(index);
            rounds.row(String.valueOf(index + 1),
                    String.format("%.2f s", round.endToEndMillis() / 1e3),
                    String.format("%.2f s", round.sqlite().toMillis() / 1e3),
                    String.format("%.2fx", round.endToEndMillis()
                            / (double) Math.max(1, round.sqlite().toMillis())),
                    String.format("%.1f", round.child().get("loadAverage").asDouble()));
        }
        rounds.print(out);

        Round median = result.medianRound();
        JsonNode child = median.child();
        String options = String.join(" ", Benchmark.jvmOptionsOfThisJvm());
        out.printf("Median round, import through the workflow (child JVM, -Xmx%s%s): %s,"
                        + " %,d imported, %,d failed%n",
                heap, options.isEmpty() ? "" : " " + options,
                Labels.ofLabel(child.get("status").asText()), child.get("imported").asLong(),
                child.get("failed").asLong());
        Table table = new Table("STEP", "SECONDS", "ROWS/S");
        step(table, "validate", child.get("validateMillis").asLong(), result.rows());
        step(table, "process", child.get("processMillis").asLong(), result.rows());
        step(table, "import", child.get("importMillis").asLong(), result.rows());
        step(table, "end to end", child.get("endToEndMillis").asLong(), result.rows());
        step(table, "sqlite3 (median)", result.medianSqlite().toMillis(), result.rows());
        table.print(out);
        out.printf("Child JVM wall time, start-up included: %.2f s; CPU time %.2f s;"
                        + " system load average %.1f on %d cores%n",
                median.childWall().toMillis() / 1e3, child.get("cpuMillis").asLong() / 1e3,
                child.get("loadAverage").asDouble(), Runtime.getRuntime().availableProcessors());
        out.printf("Peak heap of the import (limit -Xmx%s): %.0f MB in use, garbage included;"
                        + " %.0f MB still in use after a collection%n", heap,
                child.get("sampledPeakHeapBytes").asLong() / 1e6,
                child.get("peakHeapAfterGcBytes").asLong() / 1e6);
        out.printf("End to end / sqlite3 .import, medians of %d round%s: %.2fx"
                        + " (target: 2x or less)%n", result.rounds().size(),
                result.rounds().size() == 1 ? "" : "s", result.ratio());
    }

    private static void step(Table table, String name, long millis, long rows) {
        table.row(name, String.format("%.2f", millis / 1e3),
                millis <= 0 ? "-" : String.format("%,d", rows * 1000 / millis));
    }
}
