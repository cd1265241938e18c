package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on the real local runtime: JSON shapes, exit codes, failed records, a manual retry. */
class CliEndToEndTest {

    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private StringWriter out;
    private StringWriter err;

    private int intake(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) ->
                LocalRuntime.open(directory, new LocalRuntime.Options(
                        LocalRuntime.ClockMode.VIRTUAL, faults,
                        Instant.parse("2026-12-04T08:00:00Z"), progress)));
        List<String> all = new ArrayList<>(List.of("--state-dir", state.toString()));
        all.addAll(List.of(args));
        return cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    private JsonNode json() throws Exception {
        return JSON.readTree(out.toString());
    }

    private static List<String> statuses(JsonNode runs) {
        List<String> statuses = new ArrayList<>();
        runs.forEach(run -> statuses.add(run.get("status").asText()));
        return statuses;
    }

    private void createAndActivate(String definition) {
        assertThat(intake("jobs", "create", DEMO.resolve(definition).toString())).isZero();
        String id = definition.replace(".yaml", "");
        assertThat(intake("jobs", "activate", id)).isZero();
    }

    @Nested
    class BadRowsUpload {

        @BeforeEach
        void upload() {
            createAndActivate("contacts.yaml");
        }

        @Test
        void printsEveryRunFieldAndExitsZeroForPartiallyCompleted() throws Exception {
            int exit = intake("upload", "contacts", DEMO.resolve("contacts.csv").toString(),
                    "--wait", "--json");

            assertThat(exit).isZero();
            JsonNode run = json().get(0);
            List<String> fields = new ArrayList<>();
            run.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("id", "jobId", "attempt", "rerunOf", "trigger",
                    "status", "source", "counts", "failedPercent", "reason", "failedRecords",
                    "executionId", "nextRerunAt", "history");
            assertThat(run.get("status").asText()).isEqualTo("partially_completed");
            assertThat(run.get("counts").toString()).isEqualTo(
                    "{\"read\":16,\"valid\":12,\"imported\":10,\"failed\":6,\"duplicates\":0}");
            assertThat(run.get("failedPercent").decimalValue()).isEqualByComparingTo("37.50");
            assertThat(run.get("source").get("key").asText())
                    .isEqualTo("incoming/contacts/contacts.csv");
            assertThat(run.get("history").findValuesAsText("status")).containsExactly(
                    "validating", "processing", "importing", "partially_completed");
        }

        @Test
        void failedRecordsPrintsTheCsvAPersonCanFix() throws Exception {
            intake("upload", "contacts", DEMO.resolve("contacts.csv").toString(), "--json");
            String runId = json().get(0).get("id").asText();

            int exit = intake("runs", "failed-records", runId, "--print");

            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualTo(Files.readString(
                    Path.of("src/test/resources/e2e/contacts-failed-records.csv")));
        }

        @Test
        void runsListShowsTheRunNewestFirst() throws Exception {
            intake("upload", "contacts", DEMO.resolve("contacts.csv").toString());

            int exit = intake("runs", "list", "contacts", "--json");

            assertThat(exit).isZero();
            assertThat(json()).hasSize(1);
            assertThat(json().get(0).get("failedRecords").asText()).startsWith(
                    state.resolve("buckets/intake-local/failed-records/contacts/").toString());
        }

        @Test
        void aSecondUploadIsANewObjectVersionAndANewRunListedFirst() throws Exception {
            intake("upload", "contacts", DEMO.resolve("contacts.csv").toString(), "--json");
            String first = json().get(0).get("id").asText();
            intake("upload", "contacts", DEMO.resolve("contacts.csv").toString(), "--json");
            String second = json().get(0).get("id").asText();

            int exit = intake("runs", "list", "contacts", "--json");

            assertThat(exit).isZero();
            assertThat(second).isNotEqualTo(first);
            assertThat(json().findValuesAsText("id")).containsExactly(second, first);
        }
    }

    @Nested
    class HaltAndRetry {

        @Test
        void sixInjectedFailuresExitOneThenAManualRetryImports() throws Exception {
            createAndActivate("warehouse-stock.yaml");

            int exit = intake("upload", "warehouse-stock",
                    DEMO.resolve("warehouse-stock.csv").toString(), "--wait", "--json",
                    "--inject-faults", "import:6");

            assertThat(exit).isEqualTo(ExitCode.RUN_FAILED);
            JsonNode runs = json();
            assertThat(statuses(runs)).containsExactly("failed", "failed", "failed", "failed",
                    "failed", "halted");
            assertThat(runs.get(5).at("/reason/code").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            String halted = runs.get(5).get("id").asText();

            assertThat(intake("runs", "retry", halted, "--json")).isZero();
            assertThat(json().get(0).get("status").asText()).isEqualTo("completed");
            assertThat(json().get(0).get("rerunOf").asText()).isEqualTo(halted);
            assertThat(json().get(0).get("trigger").asText()).isEqualTo("manual_retry");
        }
    }

    @Nested
    class PauseAndReactivate {

        @Test
        void aFileArrivingWhilePausedIsImportedOnReactivation() throws Exception {
            createAndActivate("warehouse-stock.yaml");
            assertThat(intake("jobs", "pause", "warehouse-stock")).isZero();

            intake("upload", "warehouse-stock", DEMO.resolve("warehouse-stock.csv").toString());
            String whilePaused = out.toString();
            int exit = intake("jobs", "reactivate", "warehouse-stock", "--json");

            assertThat(whilePaused).isEqualToNormalizingNewlines("No run started: job"
                    + " warehouse-stock is Paused; the file is kept as pending and imported when"
                    + " the job is reactivated.\n");
            assertThat(exit).isZero();
            assertThat(statuses(json())).containsExactly("completed");
            assertThat(json().get(0).get("trigger").asText()).isEqualTo("reactivation");
        }

        @Test
        void activatingAPausedJobIsRefusedWithTheCommandToUse() {
            createAndActivate("warehouse-stock.yaml");
            intake("jobs", "pause", "warehouse-stock");

            int exit = intake("jobs", "activate", "warehouse-stock");

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: job"
                    + " \"warehouse-stock\" is Paused; it cannot be activated. A paused job can"
                    + " only be reactivated.\n");
        }
    }

    @Nested
    class ExitCodes {

        @Test
        void anUnknownRunIsNotFound() {
            int exit = intake("runs", "show", "no-such-run");

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err.toString()).isEqualToNormalizingNewlines(
                    "intake: no run no-such-run; see intake runs list JOB\n");
        }

        @Test
        void aMissingDefinitionFileIsNotFound() {
            int exit = intake("jobs", "create", "nowhere.yaml");

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err.toString()).isEqualToNormalizingNewlines(
                    "intake: no such job definition file: nowhere.yaml\n");
        }

        @Test
        void anInvalidDefinitionIsInvalidInputAndNamesTheField(@TempDir Path dir) throws Exception {
            Path definition = dir.resolve("broken.yaml");
            Files.writeString(definition, "id: broken\nsource: { prefix: incoming/broken/ }\n"
                    + "schema:\n  fields:\n    - { name: id, type: integer }\n");

            int exit = intake("jobs", "create", definition.toString());

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).startsWith("intake: job \"broken\":").contains("schema.key");
        }

        @Test
        void retryingACompletedRunIsRefused() throws Exception {
            createAndActivate("warehouse-stock.yaml");
            intake("upload", "warehouse-stock", DEMO.resolve("warehouse-stock.csv").toString(),
                    "--json");
            String runId = json().get(0).get("id").asText();

            int exit = intake("runs", "retry", runId);

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: Run " + runId
                    + " is completed; only a failed or halted run can be retried\n");
        }
    }
}
