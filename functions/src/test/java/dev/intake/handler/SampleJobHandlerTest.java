package dev.intake.handler;

import static dev.intake.handler.HandlerHarness.BUCKET;
import static dev.intake.handler.HandlerHarness.T0;
import static dev.intake.handler.HandlerHarness.invoke;
import static dev.intake.handler.HandlerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.job.JobStatus;
import dev.intake.port.IllegalTransitionException;
import dev.intake.run.StatusChange;
import dev.intake.sampling.SampleObjectMissingException;
import dev.intake.testing.TestJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SampleJobHandlerTest {

    private static final String KEY = "samples/us-airports/airports-head.csv";
    private static final String EVENT = "{\"jobId\": \"us-airports\", \"bucket\": \"" + BUCKET
            + "\", \"key\": \"" + KEY + "\"}";

    private final HandlerHarness aws = new HandlerHarness();
    private final SampleJobHandler handler = new SampleJobHandler(aws.services);

    private void draft(String resource, JobStatus status) {
        aws.jobs.seed(TestJobs.job(resource("/sampling/" + resource)), status, T0);
    }

    @Nested
    class ReadableSample {

        @Test
        void returnsTheWholeReportAsJson() {
            draft("airports-fixed.yaml", JobStatus.DRAFT);
            aws.objects.put(BUCKET, KEY, bytes("/handler/airports-head.csv"));

            assertThat(invoke(handler, EVENT))
                    .isEqualTo(json(resource("/handler/airports-head-report.json")));
        }

        @Test
        void returnsTheJobToDraftWithTheSummary() {
            draft("airports-fixed.yaml", JobStatus.SAMPLING_FAILED);
            aws.objects.put(BUCKET, KEY, bytes("/handler/airports-head.csv"));

            invoke(handler, EVENT);

            assertThat(aws.jobs.history("us-airports")).extracting(StatusChange::cause)
                    .containsExactly("seeded by the test", "SampleJob", "SampleJob: sample "
                            + KEY + ": 3 rows read, 3 valid, 0 failed, 0 duplicates (0.00% "
                            + "failed); a run would end completed");
            assertThat(aws.jobs.find("us-airports").orElseThrow().status())
                    .isEqualTo(JobStatus.DRAFT);
        }
    }

    @Nested
    class Refused {

        @Test
        void aKeyOutsideSamplesIsNotRead() {
            draft("airports-fixed.yaml", JobStatus.DRAFT);
            String event = EVENT.replace(KEY, "incoming/airports.csv");

            assertThatThrownBy(() -> invoke(handler, event))
                    .isInstanceOf(SampleObjectMissingException.class)
                    .hasMessage("sample s3://intake-files/incoming/airports.csv is not under "
                            + "samples/; upload the sample to s3://intake-files/samples/<job>/"
                            + "<file> and pass that key");
            assertThat(aws.jobs.find("us-airports").orElseThrow().status())
                    .isEqualTo(JobStatus.DRAFT);
        }

        @Test
        void aMissingSampleSaysHowToUploadIt() {
            draft("airports-fixed.yaml", JobStatus.DRAFT);

            assertThatThrownBy(() -> invoke(handler, EVENT))
                    .isInstanceOf(SampleObjectMissingException.class)
                    .hasMessage("no sample at s3://intake-files/" + KEY + "; upload it first "
                            + "(aws s3 cp FILE s3://intake-files/" + KEY + ")");
        }

        @Test
        void anActiveJobCannotBeSampled() {
            draft("airports-fixed.yaml", JobStatus.ACTIVE);
            aws.objects.put(BUCKET, KEY, bytes("/handler/airports-head.csv"));

            assertThatThrownBy(() -> invoke(handler, EVENT))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"us-airports\" is Active; it cannot be sampled. An active job "
                            + "can be paused or halted, and completed when it is one-time.");
        }
    }

    static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = SampleJobHandlerTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("no test resource " + name, e));
        }
    }
}
