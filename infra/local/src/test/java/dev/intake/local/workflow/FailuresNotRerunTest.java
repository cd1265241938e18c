package dev.intake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Failures that the same bytes would repeat end the run at once: no rerun, no halt. */
class FailuresNotRerunTest {

    private static final String JOB = "store-locations";

    private static WorkflowHarness importing(String key, String file) {
        WorkflowHarness harness = new WorkflowHarness();
        harness.activeJob("stores.yaml");
        ObjectInfo object = harness.uploadResource(key, file);
        harness.arrive(WorkflowHarness.s3Event(object));
        return harness;
    }

    private static void assertNotRerunAndJobUntouched(WorkflowHarness harness) {
        assertThat(harness.runsOf(JOB)).hasSize(1);
        assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
        assertThat(harness.schedules.find(JOB).orElseThrow().enabled()).isTrue();
        assertThat(harness.destinations.rows(JOB)).isEmpty();
        assertThat(harness.onlyExecution().events(
                dev.intake.asl.HistoryEventType.RetryScheduled)).isEmpty();
    }

    @Nested
    class AnEmptyFile {

        @Test
        void failsWithItsReasonOnceAndSendsOneFailedEmail() {
            WorkflowHarness harness = importing("incoming/store-locations/empty.csv", "empty.csv");

            Run run = harness.runsOf(JOB).get(0);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.reason().code()).isEqualTo("EMPTY_FILE");
            assertNotRerunAndJobUntouched(harness);
            ExecutionResult execution = harness.onlyExecution();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("Intake.FileRejected");
            assertThat(harness.mailer.sent()).hasSize(1);
            assertThat(harness.mailer.sent().get(0).dedupKey())
                    .isEqualTo("run/" + run.id() + "/failed");
        }
    }

    @Nested
    class AFailedEmailThatIsRefused {

        @Test
        void isRecordedOnTheRunAndTheRunStillEndsWithItsOwnReason() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            harness.mailer.refuse("ops@example.com");

            harness.arrive(WorkflowHarness.s3Event(harness.uploadResource(
                    "incoming/store-locations/empty.csv", "empty.csv")));

            Run run = harness.runsOf(JOB).get(0);
            assertThat(run.reason().code()).isEqualTo("EMPTY_FILE");
            assertThat(harness.runs.notes()).extracting(MemoryRunStore.Note::code)
                    .containsExactly("EMAIL_REFUSED");
            assertThat(harness.onlyExecution().error()).isEqualTo("Intake.FileRejected");
        }
    }

    @Nested
    class TooManyFailedRows {

        @Test
        void failBeforeImportWithoutARerun() {
            WorkflowHarness harness = importing("incoming/store-locations/bad.csv",
                    "stores-mostly-bad.csv");

            Run run = harness.runsOf(JOB).get(0);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.reason().code()).isEqualTo("TOO_MANY_FAILED_ROWS");
            assertThat(run.counts()).isEqualTo(new RunCounts(3, 1, 0, 2, 0));
            assertNotRerunAndJobUntouched(harness);
            assertThat(harness.onlyExecution().error()).isEqualTo("Intake.RowsRejected");
            assertThat(harness.mailer.sent()).extracting(email -> email.dedupKey())
                    .isEqualTo(List.of("run/" + run.id() + "/failed"));
        }
    }
}
