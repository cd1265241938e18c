package dev.intake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobStatus;
import dev.intake.port.Mailer.Email;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The halt email when the mail service refuses or throttles, and a retry by hand. */
class HaltEmailTest {

    private static final String JOB = "store-locations";

    @Nested
    class WhenTheMailServiceRefusesTheRecipient {

        @Test
        void theRefusalIsRecordedOnTheRunAndTheHaltStillHappens() {
            WorkflowHarness harness = new WorkflowHarness("import:6");
            harness.activeJob("stores.yaml");
            harness.mailer.refuse("ops@example.com");

            harness.arrive(WorkflowHarness.s3Event(harness.uploadResource(
                    "incoming/store-locations/a.csv", "stores.csv")));

            Run last = harness.runsOf(JOB).get(5);
            assertThat(last.status()).isEqualTo(RunStatus.HALTED);
            assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.HALTED);
            assertThat(harness.schedules.find(JOB).orElseThrow().enabled()).isFalse();
            assertThat(harness.mailer.sent()).isEmpty();
            assertThat(harness.runs.notes()).hasSize(1);
            MemoryRunStore.Note note = harness.runs.notes().get(0);
            assertThat(note.runId()).isEqualTo(last.id());
            assertThat(note.code()).isEqualTo("EMAIL_REFUSED");
            assertThat(note.message()).isEqualTo("The email about halt/"
                    + harness.executions.keySet().iterator().next() + " was refused: Email"
                    + " address is not verified. The following identities failed the check in"
                    + " region US-EAST-1: [ops@example.com]. Verify the recipients with the"
                    + " mail service (SES sandbox) or change notify.emails");
        }
    }

    @Nested
    class WhenTwentyJobsHaltTogetherAndTheMailServiceThrottles {

        @Test
        void everyOwnerGetsExactlyOneEmail() {
            WorkflowHarness harness = new WorkflowHarness("import:120");
            harness.mailer.throttleFirstSendOfEachEmail();
            List<String> jobIds = IntStream.rangeClosed(1, 20)
                    .mapToObj(n -> "stores-" + n).toList();
            for (String jobId : jobIds) {
                harness.job("stores.yaml", yaml -> yaml
                        .replace("id: store-locations", "id: " + jobId)
                        .replace("incoming/store-locations/", "incoming/" + jobId + "/")
                        .replace("ops@example.com", "owner-of-" + jobId + "@example.com"));
            }

            for (String jobId : jobIds) {
                harness.arrive(WorkflowHarness.s3Event(harness.uploadResource(
                        "incoming/" + jobId + "/a.csv", "stores.csv")));
            }

            Map<String, Long> emailsPerOwner = harness.mailer.sent().stream()
                    .map(Email::to)
                    .map(to -> String.join(",", to))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(emailsPerOwner).hasSize(20).containsOnlyKeys(jobIds.stream()
                    .map(jobId -> "owner-of-" + jobId + "@example.com").toList());
            assertThat(emailsPerOwner.values()).containsOnly(1L);
            assertThat(harness.mailer.calls()).isEqualTo(40);
            assertThat(jobIds).allSatisfy(jobId -> assertThat(
                    harness.jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.HALTED));
        }
    }

    @Nested
    class WhenAPersonRetriesTheHaltedRun {

        @Test
        void aNewRunImportsTheSameFileAndNamesTheRetriedRun() {
            WorkflowHarness harness = new WorkflowHarness("import:6");
            harness.activeJob("stores.yaml");
            harness.arrive(WorkflowHarness.s3Event(harness.uploadResource(
                    "incoming/store-locations/a.csv", "stores.csv")));
            Run halted = harness.runsOf(JOB).get(5);

            var retry = harness.call("RetryRunFunction",
                    WorkflowHarness.readJson("{\"runId\":\"" + halted.id() + "\"}"));
            var again = harness.call("RetryRunFunction",
                    WorkflowHarness.readJson("{\"runId\":\"" + halted.id() + "\"}"));

            assertThat(retry.get("started").asBoolean()).isTrue();
            assertThat(again.get("started").asBoolean()).isFalse();
            Run retried = harness.runs.find(retry.get("runId").asText()).orElseThrow();
            assertThat(retried.trigger()).isEqualTo(Trigger.MANUAL_RETRY);
            assertThat(retried.attempt()).isEqualTo(1);
            assertThat(retried.rerunOf()).isEqualTo(halted.id());
            assertThat(retried.source()).isEqualTo(halted.source());
            assertThat(retried.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.executions).hasSize(2);
        }
    }
}
