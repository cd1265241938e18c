package dev.intake.aws.sfn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import dev.intake.aws.testing.RecordedHttp;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.workflow.RunNames;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.WorkflowStarter.Start;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recorded-HTTP tests: no Step Functions API emulator runs here. */
class StepFunctionsRunStarterTest {

    private static final String STATE_MACHINE =
            "arn:aws:states:eu-west-1:123456789012:stateMachine:ImportRun";
    private static final SourceObject SOURCE = new SourceObject("intake-files",
            "incoming/store-locations/a+b file.csv", "096fKKXTRTtl3on89fVO.nfljtsv6qko",
            "5d41402abc4b2a76b9719d911017c592-3", 20971520);
    private static final String NAME = RunNames.uploadExecution("store-locations", SOURCE);
    private static final RunRequest REQUEST =
            new RunRequest(Trigger.UPLOAD, "store-locations", SOURCE, null);
    private static final String INPUT = "{\"trigger\":\"upload\",\"jobId\":\"store-locations\","
            + "\"source\":{\"bucket\":\"intake-files\",\"key\":\"incoming/store-locations/"
            + "a+b file.csv\",\"version\":\"096fKKXTRTtl3on89fVO.nfljtsv6qko\",\"etag\":"
            + "\"5d41402abc4b2a76b9719d911017c592-3\",\"size\":20971520},\"retryOf\":null}";

    @RegisterExtension
    final WireMockExtension sfn = RecordedHttp.server();

    private StepFunctionsRunStarter starter() {
        AwsConfig config = RecordedHttp.config(sfn, AwsConfig.Service.SFN, Map.of());
        return new StepFunctionsRunStarter(new AwsClients(config).sfn(), STATE_MACHINE);
    }

    /** Step Functions' limits on names, met by the names the workflow derives. */
    @Nested
    class Naming {

        @Test
        void an_upload_name_is_the_job_and_a_hash_of_bucket_key_and_version() {
            assertThat(NAME).matches("store-locations-[0-9a-f]{20}");
        }

        @Test
        void another_version_of_the_same_key_gets_another_name() {
            SourceObject next = new SourceObject(SOURCE.bucket(), SOURCE.key(), "v2",
                    SOURCE.etag(), SOURCE.size());

            assertThat(RunNames.uploadExecution("store-locations", next)).isNotEqualTo(NAME);
        }

        @Test
        void a_long_job_id_is_cut_so_every_name_stays_within_80_allowed_characters() {
            String job = "j".repeat(100);

            assertThat(List.of(RunNames.uploadExecution(job, SOURCE),
                    RunNames.reactivationExecution(job, SOURCE),
                    RunNames.manualRetryExecution(job, job + "-1")))
                    .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_-]{1,80}"));
        }
    }

    @Nested
    class Starting {

        @Test
        void start_execution_sends_the_state_machine_the_name_and_the_input() {
            sfn.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"executionArn\":\"" + executionArn() + "\","
                            + "\"startDate\":1.7648316E9}")));

            Start start = starter().start(NAME, REQUEST);

            assertThat(start).isEqualTo(new Start(executionArn(), true));
            var request = sfn.getAllServeEvents().get(0).getRequest();
            assertThat(request.getHeader("X-Amz-Target"))
                    .isEqualTo("AWSStepFunctions.StartExecution");
            ObjectNode expected = JsonNodeFactory.instance.objectNode()
                    .put("stateMachineArn", STATE_MACHINE)
                    .put("name", NAME)
                    .put("input", INPUT);
            assertThat(RecordedHttp.json(request.getBodyAsString())).isEqualTo(expected);
        }

        /** A redelivered event finds the execution its first delivery started. */
        @Test
        void an_existing_execution_means_already_started() {
            sfn.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"__type\":\"com.amazonaws.swf.service.v2.model#"
                            + "ExecutionAlreadyExists\",\"message\":\"Execution Already Exists: '"
                            + executionArn() + "'\"}")));

            Start start = starter().start(NAME, REQUEST);

            assertThat(start).isEqualTo(new Start(executionArn(), false));
            sfn.verify(1, postRequestedFor(anyUrl()));
        }
    }

    private static String executionArn() {
        return "arn:aws:states:eu-west-1:123456789012:execution:ImportRun:" + NAME;
    }
}
