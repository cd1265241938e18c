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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI says and which exit code it gives when a person asks for something that cannot or
 * should not happen: a second retry, an upload that starts no run, a state directory that is a
 * file, a directory given as the file to upload.
 */
class CommandGuardsTest {

    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private String out;
    private String err;

    private int intakeIn(Path stateDir, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) ->
                LocalRuntime.open(directory, new LocalRuntime.Options(
                        LocalRuntime.ClockMode.VIRTUAL, faults,
                        Instant.parse("2026-12-04T08:00:00Z"), progress)));
        List<String> all = new ArrayList<>(List.of("--state-dir", stateDir.toString()));
        all.addAll(List.of(args));
        int code = cli.execute(new PrintWriter(outText, true), new PrintWriter(errText, true),
                all.toArray(String[]::new));
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private int intake(String... args) {
        return intakeIn(state, args);
    }

    private void create(String definition) {
        assertThat(intake("jobs", "create", DEMO.resolve(definition).toString())).isZero();
    }

    private void createAndActivate(String definition) {
        create(definition);
        assertThat(intake("jobs", "activate", definition.replace(".yaml", ""))).isZero();
    }

    private List<String> runIds() throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(out).forEach(run -> ids.add(run.get("id").asText()));
        return ids;
    }

    /** Uploads warehouse-stock with six import failures: five reruns, then the halt. */
    private List<String> haltedChain() throws Exception {
        createAndActivate("warehouse-stock.yaml");
        assertThat(intake("upload", "warehouse-stock",
                DEMO.resolve("warehouse-stock.csv").toString(), "--wait", "--json",
                "--inject-faults", "import:6")).isEqualTo(ExitCode.RUN_FAILED);
        return runIds();
    }

    @Nested
    class ManualRetry {

        @Test
        void aRunOfAHaltedJobIsRetriedOnlyAfterReactivation() throws Exception {
            String halted = haltedChain().get(5);

            int exit = intake("runs", "retry", halted);

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: Job warehouse-stock is Halted; reactivate it first"
                    + " (intake jobs reactivate warehouse-stock), then retry run " + halted
                    + "\n");
        }

        @Test
        void anAttemptALaterAttemptReplacedNamesTheNewestAttempt() throws Exception {
            List<String> chain = haltedChain();
            intake("jobs", "reactivate", "warehouse-stock");

            int exit = intake("runs", "retry", chain.get(1));

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: Run " + chain.get(1) + " (attempt 2) was"
                    + " superseded by attempt 6, run " + chain.get(5) + ", halted; retry that one"
                    + " instead: intake runs retry " + chain.get(5) + "\n");
        }

        @Test
        void aSecondRetryOfTheSameRunIsRefusedAndNamesTheFirst() throws Exception {
            String halted = haltedChain().get(5);
            intake("jobs", "reactivate", "warehouse-stock");
            assertThat(intake("runs", "retry", halted, "--json")).isZero();
            String retry = runIds().get(0);

            int exit = intake("runs", "retry", halted);

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: Run " + halted + " was retried already by run "
                    + retry + ", which ended completed; there is nothing left to retry\n");
        }

        @Test
        void aRetryAfterReactivationImportsAndLeavesTheJobActive() throws Exception {
            String halted = haltedChain().get(5);
            intake("jobs", "reactivate", "warehouse-stock");

            int exit = intake("runs", "retry", halted, "--json");
            JsonNode retry = JSON.readTree(out).get(0);
            intake("jobs", "show", "warehouse-stock", "--json");

            assertThat(exit).isZero();
            assertThat(retry.get("status").asText()).isEqualTo("completed");
            assertThat(JSON.readTree(out).get("status").asText()).isEqualTo("active");
        }
    }

    @Nested
    class UploadThatStartsNoRun {

        @Test
        void waitingOnADraftJobExitsFiveAndSaysToUploadAgainAfterActivation() {
            create("warehouse-stock.yaml");

            int exit = intake("upload", "warehouse-stock",
                    DEMO.resolve("warehouse-stock.csv").toString(), "--wait");

            assertThat(exit).isEqualTo(ExitCode.NO_RUN);
            assertThat(out).isEmpty();
            assertThat(err).isEqualTo("intake: no run started: job warehouse-stock is Draft; the"
                    + " file incoming/warehouse-stock/warehouse-stock.csv stays in the bucket but"
                    + " activating the job does not import it: activate the job (intake jobs"
                    + " activate warehouse-stock), then upload the file again.\n");
        }

        @Test
        void waitingOnAPausedJobExitsFiveAndSaysTheFileIsPending() {
            createAndActivate("warehouse-stock.yaml");
            intake("jobs", "pause", "warehouse-stock");

            int exit = intake("upload", "warehouse-stock",
                    DEMO.resolve("warehouse-stock.csv").toString(), "--wait");

            assertThat(exit).isEqualTo(ExitCode.NO_RUN);
            assertThat(err).isEqualTo("intake: no run started: job warehouse-stock is Paused; the"
                    + " file incoming/warehouse-stock/warehouse-stock.csv is kept as pending and"
                    + " imported when the job is reactivated (intake jobs reactivate"
                    + " warehouse-stock).\n");
        }

        @Test
        void withoutWaitTheUploadSucceedsAndExplains() {
            create("warehouse-stock.yaml");

            int exit = intake("upload", "warehouse-stock",
                    DEMO.resolve("warehouse-stock.csv").toString());

            assertThat(exit).isZero();
            assertThat(out).startsWith("No run started: job warehouse-stock is Draft;");
        }

        @Test
        void aDirectoryIsRefusedAsADirectory() {
            createAndActivate("warehouse-stock.yaml");

            int exit = intake("upload", "warehouse-stock", state.toString());

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: " + state + " is a directory; upload one file at a"
                    + " time: intake upload warehouse-stock FILE\n");
        }
    }

    @Nested
    class StateDirectory {

        @Test
        void aFileGivenAsTheStateDirectoryExitsFourInOneLine() throws Exception {
            Path file = Files.writeString(state.resolve("not-a-folder"), "x");

            int exit = intakeIn(file, "jobs", "list");

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: The state directory " + file + " is a file, not a"
                    + " folder. Choose a folder with --state-dir or INTAKE_HOME.\n");
        }

        @Test
        void aDamagedDatabaseExitsFourInOneLineAndSaysToMoveItAway() throws Exception {
            Files.writeString(state.resolve("intake.db"), "this is not a database, but text\n"
                    .repeat(200));

            int exit = intakeIn(state, "jobs", "list");

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.lines().toList()).hasSize(1);
            assertThat(err).startsWith("intake: ").endsWith(" The file is not an intake database"
                    + " or is damaged: move it away (a new one is created on the next command) or"
                    + " choose another --state-dir.\n");
        }
    }

    @Nested
    class Reactivate {

        @Test
        void anActiveJobIsRefusedAsAlreadyActiveLikePausingAPausedOne() {
            createAndActivate("warehouse-stock.yaml");

            int exit = intake("jobs", "reactivate", "warehouse-stock");

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: job \"warehouse-stock\" is already Active; only a"
                    + " Paused or Halted job can be reactivated.\n");
        }
    }

    @Nested
    class JobsUpdate {

        private final String edited =
                Path.of("src/test/resources/cli-update/warehouse-stock.yaml").toString();

        @Test
        void replacesTheDefinitionOfADraftJob() throws Exception {
            create("warehouse-stock.yaml");

            int exit = intake("jobs", "update", edited);
            String printed = out;
            intake("jobs", "show", "warehouse-stock", "--json");

            assertThat(exit).isZero();
            assertThat(printed).isEqualTo("Updated job warehouse-stock (Draft); files under"
                    + " incoming/warehouse-stock/ belong to it.\n");
            assertThat(JSON.readTree(out).get("name").asText())
                    .isEqualTo("Warehouse stock, counted hourly");
        }

        @Test
        void keepsAPausedJobPaused() {
            createAndActivate("warehouse-stock.yaml");
            intake("jobs", "pause", "warehouse-stock");

            int exit = intake("jobs", "update", edited);

            assertThat(exit).isZero();
            assertThat(out).isEqualTo("Updated job warehouse-stock (Paused); files under"
                    + " incoming/warehouse-stock/ belong to it.\n");
        }

        @Test
        void refusesAnActiveJobAndSaysToPauseItFirst() {
            createAndActivate("warehouse-stock.yaml");

            int exit = intake("jobs", "update", edited);

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err).isEqualTo("intake: job \"warehouse-stock\" is Active; it cannot be"
                    + " edited while it runs; pause it first, edit it, then reactivate it. An"
                    + " active job can be paused or halted, and completed when it is"
                    + " one-time.\n");
        }

        @Test
        void anUnknownJobIsNotFound() {
            int exit = intake("jobs", "update", edited);

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err).isEqualTo("intake: no job warehouse-stock; see intake jobs list\n");
        }
    }

    @Nested
    class VirtualTimes {

        @Test
        void aRunMadeAfterTheRerunsIsListedFirstThoughItsTimeIsEarlier() throws Exception {
            String halted = haltedChain().get(5);
            intake("jobs", "reactivate", "warehouse-stock");
            intake("runs", "retry", halted, "--json");
            String retry = runIds().get(0);

            int exit = intake("runs", "list", "warehouse-stock");
            List<String> lines = out.lines().toList();

            assertThat(exit).isZero();
            assertThat(lines.get(1)).startsWith(retry + " ");
            assertThat(lines.get(2)).startsWith(halted + " ").contains("2026-12-04T09:15:00Z*");
            assertThat(lines.get(lines.size() - 1)).isEqualTo("* a rerun's time, on the"
                    + " workflow's virtual clock (900 s after the attempt before, in no real"
                    + " time): it can lie ahead of the real time. Runs are listed in the order"
                    + " they were made.");
        }

        @Test
        void aHaltedJobMarksItsSinceAsVirtual() throws Exception {
            haltedChain();

            int exit = intake("jobs", "list");
            List<String> lines = out.lines().toList();

            assertThat(exit).isZero();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1)).contains("Halted  2026-12-04T09:15:00Z*");
            assertThat(lines.get(2)).isEqualTo("* the halt's time, on the workflow's virtual"
                    + " clock (its reruns ran 900 s apart in no real time): it can lie ahead of"
                    + " the real time.");
        }
    }
}
