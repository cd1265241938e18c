package dev.intake.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobStatus;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.StatusChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow of template.yaml, end to end on the local runtime with a virtual clock. */
class LocalRuntimeTest {

    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

    @TempDir
    Path state;

    private LocalRuntime open(String faults) {
        return LocalRuntime.open(state,
                new LocalRuntime.Options(LocalRuntime.ClockMode.VIRTUAL, faults, START));
    }

    private List<Run> importFile(String definition, Path file, String faults) {
        try (LocalRuntime runtime = open(faults)) {
            String jobId = runtime.createJob(DEMO.resolve(definition)).id();
            runtime.activate(jobId);
            return runtime.upload(jobId, file);
        }
    }

    @Nested
    class ZipCodes {

        @Test
        void everyRowIsImportedAndCodesKeepTheirLeadingZeros() throws SQLException {
            List<Run> runs = importFile("us-zipcodes.yaml", Path.of("../../datasets/zipcodes.csv"),
                    null);

            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(runs.get(0).counts()).isEqualTo(new RunCounts(42_049, 42_049, 42_049, 0, 0));
            assertThat(query("SELECT count(*) FROM us_zipcodes")).isEqualTo("42049");
            assertThat(query("SELECT zip_code || ' ' || typeof(zip_code) || ' ' || city"
                    + " FROM us_zipcodes WHERE zip_code = '00501'"))
                    .isEqualTo("00501 text Holtsville");
        }
    }

    @Nested
    class BadRows {

        @Test
        void endsPartiallyCompletedWithTheBadRowsInTheFailedRecords() throws Exception {
            List<Run> runs = importFile("contacts.yaml", DEMO.resolve("contacts.csv"), null);

            Run run = runs.get(0);
            assertThat(run.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            // valid counts rows that passed the field checks; the two rows sharing id 2 fail later.
            assertThat(run.counts()).isEqualTo(new RunCounts(16, 12, 10, 6, 0));
            assertThat(run.history()).extracting(StatusChange::status).containsExactly(
                    "validating", "processing", "importing", "partially_completed");
            try (LocalRuntime runtime = open(null)) {
                Path failed = runtime.failedRecordsFile(run).orElseThrow();
                assertThat(Files.readString(failed)).isEqualTo(Files.readString(
                        Path.of("src/test/resources/e2e/contacts-failed-records.csv")));
            }
            assertThat(query("SELECT count(*) FROM contacts")).isEqualTo("10");
        }
    }

    @Nested
    class Reruns {

        @Test
        void sixImportFailuresHaltTheJobAfterFiveReruns900SecondsApart() throws Exception {
            List<Run> runs = importFile("warehouse-stock.yaml", DEMO.resolve("warehouse-stock.csv"),
                    "import:6");

            assertThat(runs).extracting(Run::attempt).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(runs).extracting(Run::status).containsExactly(RunStatus.FAILED,
                    RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED,
                    RunStatus.HALTED);
            assertThat(Duration.between(runs.get(0).history().get(0).at(),
                    runs.get(1).history().get(0).at())).isEqualTo(Duration.ofSeconds(900));
            try (LocalRuntime runtime = open(null)) {
                assertThat(runtime.job("warehouse-stock").status()).isEqualTo(JobStatus.HALTED);
                try (var emails = Files.list(runtime.outboxDirectory())) {
                    assertThat(emails.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
                }
            }
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + state.resolve("intake.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
