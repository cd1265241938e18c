package dev.intake.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.local.cli.IntakeCli;
import dev.intake.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeFileCheckCommandTest {

    @Nested
    class WithATwoMegabyteFile {

        @TempDir
        Path stateDirectory;

        @Test
        void theKilledAttemptFailsWithAReasonAndTheRerunLeavesEachRowOnce() {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) ->
                    LocalRuntime.open(directory, new LocalRuntime.Options(
                            LocalRuntime.ClockMode.VIRTUAL, faults, Instant.now(), progress)));

            int exit = cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "--state-dir", stateDirectory.toString(), "bench-large-file", "--size-mb", "2");

            assertThat(exit).as(out + "\n" + err).isZero();
            assertThat(out.toString().lines().toList()).satisfiesExactly(
                    line -> assertThat(line).startsWith("Generated 36,"),
                    line -> assertThat(line).matches("First attempt \\S+: failed; reason:"
                            + " TASK_CRASHED: Stopped while importing: injected fault 1 of 1 in"
                            + " step import of run \\S+: Runtime exited with error: signal:"
                            + " killed \\(error Lambda.Unknown\\)"),
                    line -> assertThat(line).matches("Rerun \\S+: completed \\(attempts: 2\\)"),
                    line -> assertThat(line).matches("Rerun counts: ([0-9,]+) read, \\1 imported,"
                            + " 0 failed, 0 duplicates"),
                    line -> assertThat(line).matches("Destination: ([0-9,]+) rows, \\1 distinct"
                            + " keys"),
                    line -> assertThat(line).startsWith("Peak heap of the child (limit -Xmx256m): "),
                    line -> assertThat(line).startsWith("Child JVM wall time, start-up included: "),
                    line -> assertThat(line).isEqualTo("All checks passed."));
        }
    }

    @Nested
    class Checks {

        private static final String PASSING = "{\"attempts\":2,\"firstStatus\":\"failed\","
                + "\"firstReason\":\"TASK_CRASHED: killed\",\"rerunStatus\":\"completed\","
                + "\"read\":10,\"imported\":10,\"failed\":0,\"duplicates\":0,"
                + "\"tableRows\":10,\"distinctKeys\":10}";

        @Test
        void allHoldForAKilledAttemptAndACleanRerun() throws Exception {
            assertThat(LargeFileCheckCommand.failedChecks(json(PASSING), 10)).isEmpty();
        }

        @Test
        void doubledRowsAndAFirstAttemptWithoutReasonAreEachNamed() throws Exception {
            JsonNode child = json(PASSING.replace("\"TASK_CRASHED: killed\"", "null")
                    .replace("\"tableRows\":10", "\"tableRows\":15")
                    .replace("\"firstStatus\":\"failed\"", "\"firstStatus\":\"completed\""));

            assertThat(LargeFileCheckCommand.failedChecks(child, 10)).containsExactly(
                    "first attempt status: expected failed, found completed",
                    "the first attempt has no failure reason",
                    "tableRows: expected 10, found 15");
        }

        private JsonNode json(String text) throws Exception {
            return new ObjectMapper().readTree(text);
        }
    }
}
