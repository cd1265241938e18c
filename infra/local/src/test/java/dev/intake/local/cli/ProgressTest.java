package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong(1_000);

    private void at(double seconds, Progress progress, String step) {
        nanos.set(1_000 + (long) (seconds * 1e9));
        progress.accept(step);
    }

    @Test
    void onATerminalEveryStepIsShownWithItsTime() {
        Progress progress = new Progress(new PrintWriter(err), true, nanos::get);

        at(0.2, progress, "Validate (ValidateFunction)");
        at(1.5, progress, "Process (ProcessFunction)");

        assertThat(err.toString()).isEqualToNormalizingNewlines("""
                intake:    0.2 s  Validate (ValidateFunction)
                intake:    1.5 s  Process (ProcessFunction)
                """);
    }

    @Test
    void elsewhereOnlyStepsTenSecondsAfterTheLastLineAreShown() {
        Progress progress = new Progress(new PrintWriter(err), false, nanos::get);

        at(0.2, progress, "Validate (ValidateFunction)");
        at(12.0, progress, "Process (ProcessFunction)");
        at(15.0, progress, "Import (ImportFunction)");
        at(22.5, progress, "FinishRun (FinishRunFunction)");

        assertThat(err.toString()).isEqualToNormalizingNewlines("""
                intake:   12.0 s  Process (ProcessFunction)
                intake:   22.5 s  FinishRun (FinishRunFunction)
                """);
    }
}
