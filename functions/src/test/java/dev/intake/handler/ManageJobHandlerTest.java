package dev.intake.handler;

import static dev.intake.handler.HandlerHarness.BUCKET;
import static dev.intake.handler.HandlerHarness.T0;
import static dev.intake.handler.HandlerHarness.invoke;
import static dev.intake.handler.HandlerHarness.json;
import static dev.intake.handler.SampleJobHandlerTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.job.InvalidJobDefinitionException;
import dev.intake.job.JobDefinitionParser;
import dev.intake.job.JobStatus;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.SourceObject;
import dev.intake.testing.TestJobs;
import dev.intake.workflow.WorkflowJson;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManageJobHandlerTest {

    private static final String JOB = "store-locations";

    private final HandlerHarness aws = new HandlerHarness();
    private final ManageJobHandler handler = new ManageJobHandler(aws.services);

    private JsonNode run(String action, String definition) {
        String event = WorkflowJson.mapper().createObjectNode().put("action", action)
                .put("jobId", JOB).put("definition", definition).toString();
        return invoke(handler, event);
    }

    private JsonNode run(String action) {
        return invoke(handler, "{\"action\": \"" + action + "\", \"jobId\": \"" + JOB + "\"}");
    }

    private void seed(JobStatus status) {
        aws.jobs.seed(TestJobs.job(resource("/jobs/store-locations.yaml")), status, T0);
    }

    @Nested
    class Definitions {

        @Test
        void createStoresTheJobInDraftAndReturnsIt() {
            JsonNode outcome = run("create", resource("/jobs/store-locations.yaml"));

            assertThat(outcome.get("jobId").asText()).isEqualTo(JOB);
            assertThat(outcome.get("deleted").asBoolean()).isFalse();
            assertThat(outcome.at("/job/status").asText()).isEqualTo("draft");
            assertThat(outcome.at("/job/statusSince").asText()).isEqualTo("2026-12-04T09:00:00Z");
            assertThat(outcome.at("/job/definition/source/prefix").asText())
                    .isEqualTo("incoming/store-locations/");
            assertThat(aws.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.DRAFT);
            assertThat(aws.schedules.calls()).isEmpty();
        }

        @Test
        void anInvalidDefinitionFailsWithEveryProblem() {
            String text = resource("/jobs/many-problems.yaml");
            String expected = messageOf(text);

            assertThatThrownBy(() -> run("create", text))
                    .isInstanceOf(InvalidJobDefinitionException.class)
                    .hasMessage(expected);
            assertThat(aws.jobs.list()).isEmpty();
        }

        @Test
        void updateReplacesADraftDefinition() {
            seed(JobStatus.DRAFT);
            String changed = resource("/jobs/store-locations.yaml")
                    .replace("maxFailedPercent: 20", "maxFailedPercent: 5");

            JsonNode outcome = run("update", changed);

            assertThat(outcome.at("/job/definition/maxFailedPercent").asText()).isEqualTo("5");
            assertThat(aws.jobs.find(JOB).orElseThrow().definition().maxFailedPercent())
                    .isEqualByComparingTo("5");
        }

        private static String messageOf(String text) {
            try {
                new JobDefinitionParser().parse(text);
                throw new AssertionError("many-problems.yaml parsed");
            } catch (InvalidJobDefinitionException e) {
                return e.getMessage();
            }
        }
    }

    @Nested
    class Moves {

        @Test
        void activateCreatesTheSchedule() {
            seed(JobStatus.DRAFT);

            JsonNode outcome = run("activate");

            assertThat(outcome.at("/job/status").asText()).isEqualTo("active");
            assertThat(aws.schedules.calls()).containsExactly("put " + JOB);
            assertThat(aws.schedules.find(JOB).orElseThrow().enabled()).isTrue();
        }

        @Test
        void pauseDisablesTheSchedule() {
            seed(JobStatus.DRAFT);
            run("activate");

            JsonNode outcome = run("pause");

            assertThat(outcome.at("/job/status").asText()).isEqualTo("paused");
            assertThat(aws.schedules.calls()).containsExactly("put " + JOB, "disable " + JOB);
        }

        @Test
        void reactivateEnablesTheScheduleAndImportsThePendingFilesOldestFirst() {
            seed(JobStatus.DRAFT);
            run("activate");
            run("pause");
            aws.pending.add(JOB, pending("b.csv", Duration.ofMinutes(2)));
            aws.pending.add(JOB, pending("a.csv", Duration.ofMinutes(1)));

            JsonNode outcome = run("reactivate");

            assertThat(outcome.at("/job/status").asText()).isEqualTo("active");
            assertThat(outcome.get("started").findValuesAsText("key"))
                    .containsExactly("incoming/store-locations/a.csv",
                            "incoming/store-locations/b.csv");
            assertThat(aws.startedExecutions)
                    .isEqualTo(outcome.get("started").findValuesAsText("executionName"));
            assertThat(aws.pending.list(JOB)).isEmpty();
            assertThat(aws.schedules.calls())
                    .containsExactly("put " + JOB, "disable " + JOB, "enable " + JOB);
        }

        @Test
        void deleteRemovesTheJobAndItsSchedule() {
            seed(JobStatus.DRAFT);
            run("activate");

            JsonNode outcome = run("delete");

            assertThat(outcome).isEqualTo(json(
                    "{\"jobId\":\"store-locations\",\"job\":null,\"deleted\":true,\"started\":[]}"));
            assertThat(aws.jobs.find(JOB)).isEmpty();
            assertThat(aws.schedules.calls()).containsExactly("put " + JOB, "delete " + JOB);
        }

        @Test
        void anIllegalMoveFailsWithTheJobsStatus() {
            seed(JobStatus.DRAFT);

            assertThatThrownBy(() -> run("pause"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"store-locations\" is Draft; it cannot be paused. A draft job "
                            + "can be sampled or activated.");
            assertThat(aws.schedules.calls()).isEmpty();
        }

        private PendingFile pending(String name, Duration after) {
            SourceObject object = new SourceObject(BUCKET, "incoming/store-locations/" + name,
                    "v1", "etag", 10);
            return new PendingFile(object, T0.plus(after));
        }
    }
}
