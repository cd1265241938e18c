package dev.intake.aws.sfn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import dev.intake.aws.testing.RecordedHttp;
import dev.intake.port.RunStarter.Started;
import dev.intake.run.SourceObject;
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
    /** SHA-256 of "bucket\nkey\nversion", first 40 hex digits, computed outside Java. */
    private static final String NAME = "store-locations-8168e942367034548da3a2fe0c9e753c5910c191";

    @RegisterExtension
    final WireMockExtension sfn = RecordedHttp.server();

    private StepFunctionsRunStarter starter() {
        AwsConfig config = RecordedHttp.config(sfn, AwsConfig.Service.SFN, Map.of());
        return new StepFunctionsRunStarter(new AwsClients(config).sfn(), STATE_MACHINE);
    }

    @Nested
    class Naming {

        @Test
        void the_name_is_the_job_and_a_hash_of_bucket_key_and_version() {
            assertThat(StepFunctionsRunStarter.executionName("store-locations", SOURCE))
                    .isEqualTo(NAME);
        }

        @Test
        void another_version_of_the_same_key_gets_another_name() {
            SourceObject next = new SourceObject(SOURCE.bucket(), SOURCE.key(), "v2",
                    SOURCE.etag(), SOURCE.size());

            assertThat(StepFunctionsRunStarter.executionName("store-locations", next))
                    .isNotEqualTo(StepFunctionsRunStarter.executionName("store-locations",
                            SOURCE));
        }

        @Test
        void a_long_job_id_is_cut_so_the_name_stays_within_80_characters() {
            String name = StepFunctionsRunStarter.executionName("j".repeat(100), SOURCE);

            assertThat(name).hasSize(80).startsWith("j".repeat(39) + "-");
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

            Started started = starter().start("store-locations", SOURCE, "{\"jobId\":\"x\"}");

            assertThat(started).isEqualTo(new Started(executionArn(), false));
            var request = sfn.getAllServeEvents().get(0).getRequest();
            assertThat(request.getHeader("X-Amz-Target"))
                    .isEqualTo("AWSStepFunctions.StartExecution");
            assertThat(RecordedHttp.json(request.getBodyAsString())).isEqualTo(RecordedHttp.json(
                    "{\"stateMachineArn\":\"" + STATE_MACHINE + "\",\"name\":\""
                            + NAME + "\",\"input\":\"{\\\"jobId\\\":\\\"x\\\"}\"}"));
        }

        /** A redelivered event finds the execution its first delivery started. */
        @Test
        void an_existing_execution_means_already_started() {
            sfn.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"__type\":\"com.amazonaws.swf.service.v2.model#"
                            + "ExecutionAlreadyExists\",\"message\":\"Execution Already Exists: '"
                            + executionArn() + "'\"}")));

            Started started = starter().start("store-locations", SOURCE, "{\"jobId\":\"x\"}");

            assertThat(started).isEqualTo(new Started(executionArn(), true));
            sfn.verify(1, postRequestedFor(anyUrl()));
        }
    }

    private static String executionArn() {
        return "arn:aws:states:eu-west-1:123456789012:execution:ImportRun:" + NAME;
    }
}
