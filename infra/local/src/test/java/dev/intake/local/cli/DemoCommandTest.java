package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int intake(String... args) {
        IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) ->
                LocalRuntime.open(directory, new LocalRuntime.Options(
                        LocalRuntime.ClockMode.VIRTUAL, faults,
                        Instant.parse("2026-12-04T08:00:00Z"), progress)));
        return cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void tellsTheWholeStoryAndEndsEachJobAsExpected() {
        int exit = intake("--state-dir", state.toString(), "demo");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("contacts         Conference contacts  Active  2026-12-04T08:00:00Z")
                .contains("warehouse-stock  Warehouse stock      Halted  2026-12-04T09:15:00Z")
                .contains("  us_zipcodes holds 42,049 rows; zip code 00501 (text) Holtsville")
                .contains("Failed records: " + state.resolve("demo/buckets/intake-local/"
                        + "failed-records/contacts/"));
        assertThat(out.toString().lines().filter(line -> line.startsWith("warehouse-stock-")))
                .extracting(line -> line.split("\\s+")[2])
                .containsExactly("2026-12-04T09:15:00Z", "2026-12-04T09:00:00Z",
                        "2026-12-04T08:45:00Z", "2026-12-04T08:30:00Z", "2026-12-04T08:15:00Z",
                        "2026-12-04T08:00:00Z");
    }

    @Test
    void refusesToEmptyADirectoryItDidNotMake() throws Exception {
        Files.createDirectories(state.resolve("demo"));
        Files.writeString(state.resolve("demo/notes.txt"), "mine");

        int exit = intake("--state-dir", state.toString(), "demo");

        assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).isEqualToNormalizingNewlines("intake: " + state.resolve("demo")
                + " exists but was not made by intake demo; remove it or choose another"
                + " --state-dir\n");
        assertThat(state.resolve("demo/notes.txt")).hasContent("mine");
    }
}
