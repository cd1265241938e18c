package dev.intake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.arrival.UnrecognisedEventException;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What an object-created event starts, and what it must not. */
class ArrivalTest {

    private static final String JOB = "store-locations";

    private static String eventBridge(ObjectInfo object, String encodedKey) {
        return "{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                + "\"detail\":{\"bucket\":{\"name\":\"" + object.bucket() + "\"},\"object\":{"
                + "\"key\":\"" + encodedKey + "\",\"size\":" + object.size() + ",\"etag\":\""
                + object.etag() + "\",\"version-id\":\"" + object.version() + "\"}}}";
    }

    @Nested
    class EventShapes {

        @Test
        void anEventBridgeEventWithAFormEncodedKeyImportsTheKeyAsWritten() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo object = harness.uploadResource("incoming/store-locations/a+b Q1 data.csv",
                    "stores.csv");

            JsonNode answer = harness.arrive(WorkflowHarness.readJson(eventBridge(object,
                    "incoming/store-locations/a%2Bb+Q1+data.csv")));

            assertThat(answer.at("/objects/0/action").asText()).isEqualTo("started");
            Run run = harness.runsOf(JOB).get(0);
            assertThat(run.source().key()).isEqualTo("incoming/store-locations/a+b Q1 data.csv");
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        }

        @Test
        void anUnknownShapeFailsWithTheFieldsItHad() {
            WorkflowHarness harness = new WorkflowHarness();

            assertThatThrownBy(() -> harness.arrive(WorkflowHarness.readJson(
                    "{\"Event\":\"s3:TestEvent\",\"Bucket\":\"intake-files\"}")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: expected an S3 notification"
                            + " (Records[].s3.object.key) or an EventBridge Object Created event"
                            + " (detail.bucket.name, detail.object.key), got fields"
                            + " [Event, Bucket]");
        }
    }

    @Nested
    class ObjectsThatStartNothing {

        @Test
        void aFolderMarkerIsIgnored() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo marker = harness.upload("incoming/store-locations/2026/", "");

            JsonNode answer = harness.arrive(WorkflowHarness.s3Event(marker));

            assertThat(answer.at("/objects/0/action").asText()).isEqualTo("ignored");
            assertThat(answer.at("/objects/0/reason").asText())
                    .isEqualTo("a folder marker, not a file");
            assertThat(harness.executions).isEmpty();
        }

        @Test
        void oneUploadWithBadRowsStartsExactlyOneRunEvenWhenOutputsAreWatched() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.jobWatching("stores.yaml", "");
            ObjectInfo object = harness.uploadResource("incoming/store-locations/q.csv",
                    "stores-one-bad-row.csv");
            harness.arrive(WorkflowHarness.s3Event(object));
            Run run = harness.runsOf(JOB).get(0);

            List<String> actions = harness.objects.list(WorkflowHarness.BUCKET, "").stream()
                    .filter(info -> !info.key().equals(object.key()))
                    .map(info -> harness.arrive(WorkflowHarness.s3Event(info))
                            .at("/objects/0/reason").asText())
                    .toList();

            assertThat(harness.objects.exists(WorkflowHarness.BUCKET, run.failedRecordsKey()))
                    .isTrue();
            assertThat(actions).isNotEmpty().containsOnly(
                    "an object Intake wrote itself (failed records or staging)");
            assertThat(harness.executions).hasSize(1);
        }
    }

    @Nested
    class WhileTheJobIsStopped {

        @Test
        void aFileWhoseJobStoppedBeforeItsRunStartedIsKeptAndImportedOnReactivation() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo object = harness.uploadResource("incoming/store-locations/a.csv",
                    "stores.csv");
            harness.jobs.transition(JOB, JobStatus.ACTIVE, JobStatus.PAUSED,
                    harness.clock.instant(), "a person");

            JsonNode started = harness.call("StartRunFunction", WorkflowHarness.readJson(
                    "{\"request\":{\"trigger\":\"upload\",\"jobId\":\"" + JOB
                            + "\",\"source\":{\"bucket\":\"intake-files\",\"key\":\""
                            + object.key() + "\",\"version\":\"" + object.version()
                            + "\",\"etag\":\"" + object.etag() + "\",\"size\":"
                            + object.size() + "}},\"retryCount\":0,\"executionName\":\"u\","
                            + "\"executionId\":\"arn-u\"}"));
            harness.call("ReactivateJobFunction",
                    WorkflowHarness.readJson("{\"jobId\":\"store-locations\"}"));

            assertThat(started.get("note").asText()).isEqualTo("job store-locations is paused:"
                    + " the file stays pending until the job is reactivated");
            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).extracting(Run::trigger).containsExactly(Trigger.REACTIVATION);
            assertThat(runs.get(0).source().key()).isEqualTo(object.key());
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.pendingFiles.list(JOB)).isEmpty();
        }

        @Test
        void filesArePendingAndReactivationImportsThemInArrivalOrder() {
            WorkflowHarness harness = new WorkflowHarness("import:6");
            harness.activeJob("stores.yaml");
            harness.arrive(WorkflowHarness.s3Event(harness.uploadResource(
                    "incoming/store-locations/1-halts.csv", "stores.csv")));
            assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.HALTED);
            ObjectInfo second = harness.uploadResource("incoming/store-locations/3-b.csv",
                    "stores.csv");
            String secondAction = harness.arrive(WorkflowHarness.s3Event(second))
                    .at("/objects/0/action").asText();
            harness.virtualClock.advanceTo(harness.virtualClock.now().plusSeconds(60));
            ObjectInfo third = harness.uploadResource("incoming/store-locations/2-a.csv",
                    "stores-one-bad-row.csv");
            String thirdAction = harness.arrive(WorkflowHarness.s3Event(third))
                    .at("/objects/0/action").asText();
            assertThat(harness.pendingFiles.list(JOB)).hasSize(2);

            JsonNode reactivated = harness.call("ReactivateJobFunction",
                    WorkflowHarness.readJson("{\"jobId\":\"store-locations\"}"));

            assertThat(List.of(secondAction, thirdAction)).containsExactly("pending", "pending");
            assertThat(reactivated.get("status").asText()).isEqualTo("active");
            assertThat(reactivated.at("/started/0/key").asText()).isEqualTo(second.key());
            assertThat(reactivated.at("/started/1/key").asText()).isEqualTo(third.key());
            assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
            assertThat(harness.schedules.find(JOB).orElseThrow().enabled()).isTrue();
            List<Run> reactivationRuns = harness.runsOf(JOB).stream()
                    .filter(run -> run.trigger() == Trigger.REACTIVATION).toList();
            assertThat(reactivationRuns).extracting(run -> run.source().key())
                    .containsExactly(second.key(), third.key());
            assertThat(reactivationRuns).extracting(Run::status)
                    .containsExactly(RunStatus.COMPLETED, RunStatus.PARTIALLY_COMPLETED);
            assertThat(harness.pendingFiles.list(JOB)).isEmpty();
        }
    }
}
