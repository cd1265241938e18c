package dev.intake.local.cli;

import dev.intake.local.demo.Demo;
import dev.intake.local.demo.Demo.Outcome;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** {@code intake demo}: the whole story on bundled data, in a fresh state directory. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create the demo jobs, import real files through the workflow and show"
                + " what happened.",
            "Works in STATE-DIR/demo, which is emptied first."})
final class DemoCommand extends CliCommand implements Runnable {

    @Override
    public void run() {
        Path directory = cli().stateDirectory().resolve("demo");
        Directories.reset(directory, "inputs", "intake demo");
        long start = System.nanoTime();
        List<Outcome> outcomes = new Demo(faults -> cli().open(directory, faults),
                directory.resolve("inputs")).run();
        try (LocalIntake intake = cli().open(directory, null)) {
            print(out(), intake, outcomes);
        }
        out().printf("Demo finished in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        failUnlessAsExpected(outcomes);
    }

    private static void print(PrintWriter out, LocalIntake intake, List<Outcome> outcomes) {
        out.println("Jobs");
        Views.jobTable(intake, intake.jobs()).print(out);
        for (Outcome outcome : outcomes) {
            out.println();
            out.println("Run history of " + outcome.job().id() + " (newest first)");
            Views.runTable(intake, intake.runs(outcome.job().id())).print(out);
            Run last = outcome.lastRun();
            intake.failedRecordsFile(last).ifPresent(file ->
                    out.println("Failed records: " + file));
        }
        out.println();
        out.println("Times are the workflow's virtual clock: the warehouse-stock reruns"
                + " waited 900 s"
                + " each without taking real time.");
        printWhereThingsAre(out, intake);
    }

    private static void printWhereThingsAre(PrintWriter out, LocalIntake intake) {
        out.println("Emails (outbox): " + intake.outboxDirectory());
        for (Path email : emails(intake.outboxDirectory())) {
            out.println("  " + email.getFileName());
        }
        out.println("Database: " + intake.databaseFile());
        out.println("  " + zipCodeCheck(intake.databaseFile()));
        out.println("Inspect it, for example:");
        out.println("  sqlite3 -header -column " + intake.databaseFile()
                + " \"SELECT zip_code, city, typeof(zip_code) FROM us_zipcodes LIMIT 3\"");
        out.println("  sqlite3 " + intake.databaseFile() + " .tables");
        out.println("Try: intake --state-dir " + intake.stateDirectory()
                + " runs show <RUN>   |   runs failed-records <RUN> --print");
    }

    /** Reads back the row that spreadsheets usually break, to show it kept its leading zeros. */
    private static String zipCodeCheck(Path database) {
        String sql = "SELECT count(*), (SELECT zip_code || ' (' || typeof(zip_code) || ') '"
                + " || city FROM us_zipcodes WHERE zip_code = '00501') FROM us_zipcodes";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return String.format("us_zipcodes holds %,d rows; zip code %s", row.getLong(1),
                    row.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read back " + database + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<Path> emails(Path outbox) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + outbox, e);
        }
    }

    private static void failUnlessAsExpected(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            if (!outcome.asExpected()) {
                throw new CliFailure(ExitCode.RUN_FAILED, "demo job " + outcome.job().id()
                        + " ended " + Labels.of(outcome.lastRun().status()) + ", expected "
                        + Labels.of(outcome.step().expected()));
            }
        }
    }
}
