package dev.intake.local.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.intake.local.aws.EmulatorWorkflow.JOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.RecordedHttp;
import dev.intake.aws.testing.TestAws;
import dev.intake.aws.testing.TestAws.SentMail;
import dev.intake.job.JobStatus;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole import on the AWS side, in one JVM: an object put in S3 (s3proxy), its notification
 * delivered to the Arrival function, the state machine run by the interpreter with every task a
 * handler on the AWS adapters, the run and the job read back from DynamoDB (dynalite), mail read
 * back from SES (aws-ses-v2-local). Scheduler has no emulator: WireMock answers it.
 */
@ExtendWith(AwsServicesExtension.class)
class ImportRunOnEmulatorsTest {

    private static final String KEY = "incoming/store-locations/folder a/Q1 data+v2.csv";
    private static final String IMPORT_UNAVAILABLE = "Stopped while importing: injected fault %d"
            + " of %d in step import of run %s: the dependency is unavailable (FaultInjector)"
            + " (error dev.intake.workflow.DependencyUnavailableException)";

    /** The bucket and key twice, the last run, the attempt lines. */
    private static final String HALT_EMAIL = """
            Job store-locations is halted: the import of s3://%s/%s failed 6 times, so Intake \
            stopped rerunning it and disabled the job's schedule.

            Job: store-locations (Store locations)
            File: s3://%s/%s
            Last run: %s

            Attempt | Run | Failed at | Reason
            %s
            Failed records: none (no row had been rejected when the attempts failed).

            Files that arrive while the job is halted are kept; reactivating the job re-enables \
            its schedule and imports them in arrival order. Once the cause is fixed, reactivate \
            it with:

                intake jobs reactivate store-locations

            """;

    @RegisterExtension
    final WireMockExtension scheduler = RecordedHttp.server();

    private static List<Run> runsOldestFirst(EmulatorWorkflow workflow) {
        return workflow.services.runs().listByJob(JOB, 10).stream()
                .sorted(Comparator.comparing(Run::attempt))
                .toList();
    }

    private static Map<String, Object> row(String zip, String city, String latitude) {
        return Map.of("zip_code", zip, "city", city, "latitude", new BigDecimal(latitude));
    }

    @Nested
    class WhenAFileArrivesForAnActiveJob {

        @Test
        void itsRowsAreInTheDestinationTableAndItsRunCompletedWithExactCounts(TestAws aws) {
            EmulatorWorkflow workflow = new EmulatorWorkflow(aws, scheduler.baseUrl(), null);
            workflow.activeJob();

            JsonNode arrival = workflow.arrive(workflow.upload(KEY, "stores.csv"));

            assertThat(arrival.at("/objects/0/action").asText()).isEqualTo("started");
            List<Run> runs = runsOldestFirst(workflow);
            assertThat(runs).hasSize(1);
            Run run = runs.get(0);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
            assertThat(run.trigger()).isEqualTo(Trigger.UPLOAD);
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.source().bucket()).isEqualTo(workflow.bucket);
            assertThat(run.source().key()).isEqualTo(KEY);
            assertThat(run.failedRecordsKey()).isNull();
            assertThat(run.history()).extracting(change -> change.status()).containsExactly(
                    "validating", "processing", "importing", "completed");
            assertThat(workflow.destinationRows()).containsExactly(
                    row("00501", "Holtsville", "40.8154"),
                    row("00544", "Holtsville", "40.8154"),
                    row("10001", "New York", "40.7484"),
                    row("60601", "Chicago", "41.8858"),
                    row("94105", "San Francisco", "37.7898"));
            ExecutionResult execution = workflow.executions.values().iterator().next();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(scheduler.getAllServeEvents()).isEmpty();
        }

        @Test
        void theSameEventDeliveredAgainStartsNothing(TestAws aws) {
            EmulatorWorkflow workflow = new EmulatorWorkflow(aws, scheduler.baseUrl(), null);
            workflow.activeJob();
            JsonNode event = workflow.upload(KEY, "stores.csv");

            workflow.arrive(event);
            JsonNode again = workflow.arrive(event);

            assertThat(again.at("/objects/0/action").asText()).isEqualTo("duplicate");
            assertThat(workflow.executions).hasSize(1);
            assertThat(runsOldestFirst(workflow)).hasSize(1);
            assertThat(workflow.destinationRows()).hasSize(5);
        }
    }

    @Nested
    class WhenEveryAttemptFails {

        /**
         * Six injected Import failures: five reruns, then the halt disables the schedule with
         * every field kept, halts the job and mails its owner once, naming the six reasons.
         */
        @Test
        void theJobIsHaltedItsScheduleDisabledAndOneEmailNamesAllSixReasons(TestAws aws) {
            scheduler.stubFor(get(urlPathEqualTo("/schedules/" + JOB)).willReturn(json(
                    EmulatorWorkflow.resource("scheduler/get-schedule-enabled.json"))));
            scheduler.stubFor(put(urlEqualTo("/schedules/" + JOB)).willReturn(json(
                    "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/"
                            + "intake-jobs/store-locations\"}")));
            EmulatorWorkflow workflow = new EmulatorWorkflow(aws, scheduler.baseUrl(),
                    "import:6");
            workflow.activeJob();

            workflow.arrive(workflow.upload(KEY, "stores.csv"));

            List<Run> runs = runsOldestFirst(workflow);
            assertThat(runs).extracting(Run::attempt).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(runs).extracting(Run::status).containsExactly(RunStatus.FAILED,
                    RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED,
                    RunStatus.HALTED);
            assertThat(runs).extracting(Run::reason).containsExactlyElementsOf(runs.stream()
                    .map(run -> new FailureReason("DEPENDENCY_UNAVAILABLE",
                            IMPORT_UNAVAILABLE.formatted(run.attempt(), 6, run.id())))
                    .toList());
            assertThat(workflow.services.jobs().find(JOB).orElseThrow().status())
                    .isEqualTo(JobStatus.HALTED);
            assertThat(workflow.destinationRows()).isEmpty();
            assertThat(workflow.clients.s3().listObjectsV2(b -> b.bucket(workflow.bucket)
                    .prefix("staging/")).contents()).isEmpty();
            assertThat(workflow.executions.values().iterator().next().error())
                    .isEqualTo("Intake.JobHalted");

            assertThat(onlyUpdate().getBodyAsString()).satisfies(body -> assertThat(
                    RecordedHttp.withoutClientToken(body)).isEqualTo(RecordedHttp.json(
                    EmulatorWorkflow.resource("scheduler/update-schedule-disabled.json"))));

            List<SentMail> mail = aws.sentMail().stream()
                    .filter(sent -> sent.to().contains(workflow.owner))
                    .toList();
            assertThat(mail).hasSize(1);
            SentMail email = mail.get(0);
            assertThat(email.from()).isEqualTo(EmulatorWorkflow.SENDER);
            assertThat(email.to()).containsExactly(workflow.owner);
            assertThat(email.subject()).isEqualTo("[Intake] store-locations halted after 6 failed"
                    + " attempts: " + KEY);
            assertThat(email.text()).isEqualTo(HALT_EMAIL.formatted(workflow.bucket, KEY,
                    workflow.bucket, KEY, runs.get(5).id(), attemptLines(runs)));
        }

        /** One line per attempt; the reruns came 900 virtual seconds apart. */
        private static String attemptLines(List<Run> runs) {
            StringBuilder lines = new StringBuilder();
            for (Run run : runs) {
                lines.append(run.attempt()).append(" | ").append(run.id()).append(" | ")
                        .append(EmulatorWorkflow.START.plusSeconds(900L * (run.attempt() - 1)))
                        .append(" | DEPENDENCY_UNAVAILABLE: ")
                        .append(inEmail(IMPORT_UNAVAILABLE.formatted(run.attempt(), 6, run.id())))
                        .append('\n');
            }
            return lines.toString();
        }

        /** The email names the reason a person reads, without the exception class behind it. */
        private static String inEmail(String reason) {
            return reason.substring(0, reason.indexOf(" (error "));
        }

        private LoggedRequest onlyUpdate() {
            List<LoggedRequest> updates = scheduler.findAll(putRequestedFor(anyUrl()));
            assertThat(updates).hasSize(1);
            return updates.get(0);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
            String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
