package dev.intake.aws.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import dev.intake.aws.testing.RecordedHttp;
import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recorded-HTTP tests: no Scheduler emulator runs here, so the exact requests are checked. */
class SchedulerJobSchedulesTest {

    private static final String GROUP = "intake-jobs";
    private static final String STATE_MACHINE =
            "arn:aws:states:eu-west-1:123456789012:stateMachine:ImportRun";
    private static final String ROLE = "arn:aws:iam::123456789012:role/intake-scheduler";
    private static final String PATH = "/schedules/store-locations";

    @RegisterExtension
    final WireMockExtension scheduler = RecordedHttp.server();

    private SchedulerJobSchedules schedules() {
        AwsConfig config = RecordedHttp.config(scheduler, AwsConfig.Service.SCHEDULER, Map.of());
        return new SchedulerJobSchedules(new AwsClients(config).scheduler(), GROUP,
                STATE_MACHINE, ROLE);
    }

    @Nested
    class Disabling {

        /**
         * R23: UpdateSchedule replaces the whole schedule, so disabling sends back every field
         * GetSchedule gave (end date, window OFF, time zone, the target with its retry policy
         * and dead-letter queue, KMS key) with only the state changed.
         */
        @Test
        void disabling_sends_back_every_field_with_only_the_state_changed() {
            stubGet(resource("get-schedule-enabled.json"));
            stubUpdate();

            schedules().disable("store-locations");

            LoggedRequest update = onlyUpdate();
            assertThat(update.getUrl()).isEqualTo(PATH);
            assertThat(RecordedHttp.json(update.getBodyAsString()).path("ClientToken").asText())
                    .isNotBlank();
            assertThat(RecordedHttp.withoutClientToken(update.getBodyAsString()))
                    .isEqualTo(RecordedHttp.json(resource("update-schedule-disabled.json")));
        }

        @Test
        void enabling_a_disabled_schedule_changes_only_the_state_back() {
            stubGet(resource("get-schedule-enabled.json").replace("\"ENABLED\"", "\"DISABLED\""));
            stubUpdate();

            schedules().enable("store-locations");

            assertThat(RecordedHttp.withoutClientToken(onlyUpdate().getBodyAsString()))
                    .isEqualTo(RecordedHttp.json(resource("update-schedule-disabled.json")
                            .replace("\"DISABLED\"", "\"ENABLED\"")));
        }

        @Test
        void a_schedule_already_disabled_is_not_written() {
            stubGet(resource("get-schedule-enabled.json").replace("\"ENABLED\"", "\"DISABLED\""));

            schedules().disable("store-locations");

            scheduler.verify(0, putRequestedFor(anyUrl()));
        }

        /** A job that only imports uploads has no schedule; halting it must still work. */
        @Test
        void a_job_without_a_schedule_has_nothing_to_disable() {
            stubNotFound();

            schedules().disable("store-locations");

            scheduler.verify(0, putRequestedFor(anyUrl()));
        }
    }

    @Nested
    class Creating {

        /** R24: the target's retry policy retries a failed start briefly, never the run. */
        @Test
        void a_new_schedule_starts_the_state_machine_at_the_exact_time_with_few_retries() {
            scheduler.stubFor(post(urlEqualTo(PATH)).willReturn(json(
                    "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/"
                            + "intake-jobs/store-locations\"}")));

            schedules().put("store-locations", new JobDefinition.Schedule("recurring",
                    "cron(0 6 * * ? *)", null, "Europe/Paris"));

            LoggedRequest create = scheduler.findAll(anyRequestedFor(anyUrl())).get(0);
            assertThat(create.getMethod().getName()).isEqualTo("POST");
            assertThat(RecordedHttp.withoutClientToken(create.getBodyAsString()))
                    .isEqualTo(RecordedHttp.json(resource("create-schedule.json")));
        }

        @Test
        void an_existing_schedule_is_replaced_with_the_same_fields() {
            scheduler.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(409)
                    .withHeader("x-amzn-ErrorType", "ConflictException")
                    .withBody("{\"Message\":\"Schedule store-locations already exists.\"}")));
            stubUpdate();

            schedules().put("store-locations", new JobDefinition.Schedule("recurring",
                    "cron(0 6 * * ? *)", null, "Europe/Paris"));

            assertThat(RecordedHttp.withoutClientToken(onlyUpdate().getBodyAsString()))
                    .isEqualTo(RecordedHttp.json(resource("create-schedule.json")));
        }

        @Test
        void a_function_without_the_state_machine_arn_cannot_create_schedules() {
            AwsConfig config = RecordedHttp.config(scheduler, AwsConfig.Service.SCHEDULER,
                    Map.of());
            var withoutTarget = new SchedulerJobSchedules(new AwsClients(config).scheduler(),
                    GROUP, null, ROLE);

            assertThatThrownBy(() -> withoutTarget.put("store-locations",
                    new JobDefinition.Schedule("recurring", "rate(1 day)", null, null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot create the schedule of job store-locations: this "
                            + "function has no INTAKE_STATE_MACHINE_ARN; create schedules from a "
                            + "function the template gives it to");
            scheduler.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        void a_one_time_schedule_becomes_an_at_expression_in_utc_by_default() {
            scheduler.stubFor(post(urlEqualTo(PATH)).willReturn(json("{}")));

            schedules().put("store-locations", new JobDefinition.Schedule("one-time", null,
                    "2026-12-24T06:00:00", null));

            var body = RecordedHttp.json(scheduler.findAll(anyRequestedFor(anyUrl())).get(0)
                    .getBodyAsString());
            assertThat(body.path("ScheduleExpression").asText()).isEqualTo(
                    "at(2026-12-24T06:00:00)");
            assertThat(body.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        }
    }

    @Nested
    class FindingAndDeleting {

        @Test
        void find_reads_the_expression_and_whether_it_is_enabled() {
            stubGet(resource("get-schedule-enabled.json"));

            assertThat(schedules().find("store-locations")).contains(new State(
                    new JobDefinition.Schedule("recurring", "cron(0 6 * * ? *)", null,
                            "Europe/Paris"), true));
        }

        @Test
        void a_missing_schedule_is_absent() {
            stubNotFound();

            assertThat(schedules().find("store-locations")).isEmpty();
        }

        @Test
        void delete_names_the_group_and_tolerates_a_missing_schedule() {
            scheduler.stubFor(delete(urlPathEqualTo(PATH)).willReturn(aResponse()
                    .withStatus(404).withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                    .withBody("{\"Message\":\"Schedule store-locations does not exist.\"}")));

            schedules().delete("store-locations");

            List<LoggedRequest> deletes = scheduler.findAll(deleteRequestedFor(anyUrl()));
            assertThat(deletes).hasSize(1);
            assertThat(deletes.get(0).queryParameter("groupName").firstValue()).isEqualTo(GROUP);
        }
    }

    private void stubGet(String body) {
        scheduler.stubFor(get(urlEqualTo(PATH + "?groupName=" + GROUP)).willReturn(json(body)));
    }

    private void stubNotFound() {
        scheduler.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withBody("{\"Message\":\"Schedule store-locations does not exist.\"}")));
    }

    private void stubUpdate() {
        scheduler.stubFor(put(urlEqualTo(PATH)).willReturn(json(
                "{\"ScheduleArn\":\"arn:aws:scheduler:eu-west-1:123456789012:schedule/"
                        + "intake-jobs/store-locations\"}")));
    }

    private LoggedRequest onlyUpdate() {
        List<LoggedRequest> updates = scheduler.findAll(putRequestedFor(anyUrl()));
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
            String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = SchedulerJobSchedulesTest.class
                .getResourceAsStream("/scheduler/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
