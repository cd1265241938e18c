package dev.intake.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.run.SourceObject;
import org.junit.jupiter.api.Test;

class RunNamesTest {

    private static final SourceObject SOURCE =
            new SourceObject("intake-files", "incoming/stores/a b+c.csv", "v1", "e1", 10);

    @Test
    void theSameObjectVersionAlwaysGetsTheSameExecution() {
        assertThat(RunNames.uploadExecution("stores", SOURCE))
                .isEqualTo(RunNames.uploadExecution("stores", SOURCE))
                .matches("stores-[0-9a-f]{20}");
    }

    @Test
    void anotherVersionOrAManualRetryGetsAnotherExecution() {
        SourceObject next = new SourceObject("intake-files", SOURCE.key(), "v2", "e1", 10);

        assertThat(RunNames.uploadExecution("stores", next))
                .isNotEqualTo(RunNames.uploadExecution("stores", SOURCE));
        assertThat(RunNames.manualRetryExecution("stores", "stores-abc-6"))
                .matches("stores-retry-[0-9a-f]{20}");
    }

    @Test
    void aLongJobIdStillGivesAStepFunctionsNameOfAtMost80Characters() {
        String name = RunNames.manualRetryExecution("j".repeat(120), "run-1");

        assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anUnversionedObjectIsIdentifiedByItsEtag() {
        assertThat(RunNames.versionOf(new SourceObject("b", "k", null, "etag-1", 1)))
                .isEqualTo("etag-1");
    }
}
