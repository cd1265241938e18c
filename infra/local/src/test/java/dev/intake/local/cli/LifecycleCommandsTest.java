package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.local.runtime.LocalAws;
import dev.intake.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jobs sample}, {@code jobs delete} and {@code serve --once} on the real local runtime,
 * as registered in {@link IntakeCli} and {@link JobsCommand}.
 */
class LifecycleCommandsTest {

    private static final Path RESOURCES = Path.of("src/test/resources/cli-lifecycle");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private String out;
    private String err;

    private int intake(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) ->
                LocalRuntime.open(directory, new LocalRuntime.Options(realTime
                        ? LocalRuntime.ClockMode.SYSTEM : LocalRuntime.ClockMode.VIRTUAL, faults,
                        Instant.parse("2026-12-04T08:00:00Z"), progress)));
        cli.out = new PrintWriter(outText, true);
        cli.err = new PrintWriter(errText, true);
        CommandLine commandLine = new CommandLine(cli)
                .setOut(cli.out)
                .setErr(cli.err)
                .setExecutionExceptionHandler(new Failures(cli.err, Map.of()))
                .setExitCodeExceptionMapper(Failures::exitCode);
        List<String> all = new ArrayList<>(List.of("--state-dir", state.toString()));
        all.addAll(List.of(args));
        int code = commandLine.execute(all.toArray(String[]::new));
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private void create(String definition) {
        assertThat(intake("jobs", "create", RESOURCES.resolve(definition).toString())).isZero();
    }

    @Nested
    class Sample {

        @Test
        void printsTheMappingRowsErrorsAndCounts() {
            create("airports-misnamed.yaml");

            int code = intake("jobs", "sample", "us-airports",
                    RESOURCES.resolve("airports-head.csv").toString());

            assertThat(code).isZero();
            assertThat(out.lines().toList()).containsExactly(
                    "Sample airports-head.csv for job us-airports (nothing was imported); a run"
                            + " would end Failed: NO_VALID_ROWS: none of the 3 rows is valid; see"
                            + " the failed records for what to fix",
                    "",
                    "Columns",
                    "#  COLUMN       FIELD     MATCH",
                    "1  \"iata\"       iata      exact",
                    "2  \"name\"       -         unmapped",
                    "3  \"city\"       City      case difference",
                    "4  \"state\"      state     exact",
                    "5  \"country\"    country   exact",
                    "6  \"latitude\"   latitude  exact",
                    "7  \"longitude\"  lon       alias",
                    "Fields without a column: airport_name",
                    "",
                    "Counts   read 3, valid 0, failed 3, duplicates 0, Failed % 100.00",
                    "",
                    "First rows as they would be stored",
                    "  (no valid row)",
                    "",
                    "Errors (3)",
                    "LINE  COLUMN    CODE             MESSAGE",
                    "2     latitude  INVALID_INTEGER  latitude: \"31.95376472\" is not a whole"
                            + " number; write digits only, such as 42",
                    "3     latitude  INVALID_INTEGER  latitude: \"30.68586111\" is not a whole"
                            + " number; write digits only, such as 42",
                    "4     latitude  INVALID_INTEGER  latitude: \"38.94574889\" is not a whole"
                            + " number; write digits only, such as 42",
                    "",
                    "Job us-airports is Draft.");
        }

        @Test
        void printsTheReportAsJson() throws Exception {
            create("airports-misnamed.yaml");

            intake("jobs", "sample", "us-airports",
                    RESOURCES.resolve("airports-head.csv").toString(), "--json");

            JsonNode report = JSON.readTree(out);
            assertThat(report.get("jobStatus").asText()).isEqualTo("draft");
            assertThat(report.get("columns").get(6).toString()).isEqualTo(
                    "{\"position\":7,\"header\":\"longitude\",\"field\":\"lon\","
                            + "\"match\":\"alias\"}");
            assertThat(report.get("errors").get(0).toString()).isEqualTo("{\"line\":2,"
                    + "\"column\":\"latitude\",\"code\":\"INVALID_INTEGER\",\"message\":"
                    + "\"latitude: \\\"31.95376472\\\" is not a whole number; write digits only,"
                    + " such as 42\"}");
            assertThat(report.get("counts").toString()).isEqualTo("{\"read\":3,\"valid\":0,"
                    + "\"imported\":0,\"failed\":3,\"duplicates\":0}");
            assertThat(report.get("failedPercent").decimalValue()).isEqualByComparingTo("100");
            assertThat(report.get("wouldEnd").asText()).isEqualTo("failed");
        }

        @Test
        void anUnreadableSampleExitsFourAndLeavesTheJobSamplingFailed() throws Exception {
            create("airports-misnamed.yaml");
            Path sample = state.resolve("latin1.csv");
            Files.write(sample, new byte[] {'i', 'a', 't', 'a', '\n', 'B', (byte) 0xE9, '\n'});

            int code = intake("jobs", "sample", "us-airports", sample.toString());

            assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: job us-airports is Sampling failed: file "
                    + "latin1.csv, line 2: byte 7 (0xE9) is not valid UTF-8; save the file as "
                    + "UTF-8, or declare its encoding in format.encoding (for example "
                    + "windows-1252)" + System.lineSeparator());
            intake("jobs", "show", "us-airports", "--json");
            assertThat(JSON.readTree(out).get("status").asText()).isEqualTo("sampling_failed");
        }
    }

    @Test
    void deleteRemovesTheJob() {
        create("stores-on-upload.yaml");

        int code = intake("jobs", "delete", "stores");

        assertThat(code).isZero();
        assertThat(out).isEqualTo("Deleted job stores and its schedule; its runs, files and "
                + "table are kept." + System.lineSeparator());
        assertThat(intake("jobs", "show", "stores")).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void serveOnceImportsAFileDroppedIntoTheBucketFolder() throws Exception {
        create("stores-on-upload.yaml");
        assertThat(intake("jobs", "activate", "stores")).isZero();
        Path folder = state.resolve("buckets").resolve(LocalAws.BUCKET).resolve("incoming/stores");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("drop.csv"),
                "zip_code,city,latitude\n00501,Holtsville,40.8154\n10001,New York,40.7484\n");

        int code = intake("serve", "--once", "--poll", "0");

        assertThat(code).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("job stores is Active; incoming/stores/drop.csv is imported");
        assertThat(lines.get(1)).matches(
                "  run stores-[0-9a-f]+-1 attempt 1: Completed, read 2, imported 2, failed 0");
        assertThat(lines.get(2)).isEqualTo("Served: files arrived 1 (not imported 0), schedule"
                + " firings 0 (nothing new 0), runs started 1.");
        intake("runs", "list", "stores", "--json");
        assertThat(JSON.readTree(out).size()).isEqualTo(1);
    }
}
