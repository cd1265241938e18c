package dev.intake.aws.ses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import dev.intake.aws.Backoff;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.RecordedHttp;
import dev.intake.aws.testing.TestAws;
import dev.intake.aws.testing.TestAws.SentMail;
import dev.intake.port.Mailer.Email;
import dev.intake.port.Mailer.MailRefusedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;

class SesMailerTest {

    private static final String SENDER = "intake@example.com";

    private static Email email(String to, String subject) {
        return new Email(List.of(to), subject, "Job store-locations halted.",
                "<p>Job <b>store-locations</b> halted.</p>", "halt-" + to);
    }

    @Nested
    @ExtendWith(AwsServicesExtension.class)
    class AgainstTheEmulator {

        @Test
        void an_email_arrives_with_its_text_and_html_parts(TestAws aws) {
            aws.allowSender(SENDER);
            try (SesV2Client ses = aws.clients(Map.of()).ses()) {
                String id = new SesMailer(ses, SENDER).send(email("ops@example.com",
                        "Intake: job store-locations halted"));

                assertThat(id).isNotBlank();
            }

            assertThat(aws.sentMail()).contains(new SentMail(SENDER, List.of("ops@example.com"),
                    "Intake: job store-locations halted", "Job store-locations halted.",
                    "<p>Job <b>store-locations</b> halted.</p>"));
        }
    }

    @Nested
    class WithRecordedResponses {

        @RegisterExtension
        final WireMockExtension ses = RecordedHttp.server();

        private final List<Duration> waits = new ArrayList<>();

        private SesMailer mailer() {
            AwsConfig config = RecordedHttp.config(ses, AwsConfig.Service.SES, Map.of());
            Backoff counted = SesMailer.DEFAULT_BACKOFF.withSleeper(waits::add);
            return new SesMailer(new AwsClients(config).ses(), SENDER, counted);
        }

        /** R25: in the sandbox an unverified recipient is refused for good. */
        @Test
        void an_unverified_recipient_is_a_refusal_not_a_retry() {
            ses.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("x-amzn-ErrorType", "MessageRejected")
                    .withBody("{\"message\":\"Email address is not verified. The following "
                            + "identities failed the check in region EU-WEST-1: "
                            + "ops@example.com\"}")));

            assertThatThrownBy(() -> mailer().send(email("ops@example.com", "Halted")))
                    .isInstanceOf(MailRefusedException.class)
                    .hasMessageStartingWith("SES refused the email 'Halted' (1 recipients): "
                            + "Email address is not verified.")
                    .hasMessageEndingWith("; in the SES sandbox verify each recipient, or "
                            + "request production access");
            ses.verify(1, postRequestedFor(urlEqualTo("/v2/email/outbound-emails")));
        }

        @Test
        void throttling_is_retried_with_backoff_until_sent() {
            stubThrottledTimes(2);

            String id = mailer().send(email("ops@example.com", "Halted"));

            assertThat(id).isEqualTo("ses-ok");
            ses.verify(3, postRequestedFor(urlEqualTo("/v2/email/outbound-emails")));
            assertThat(waits).hasSize(2);
        }

        @Test
        void a_bad_request_is_neither_retried_nor_a_refusal() {
            ses.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400)
                    .withHeader("x-amzn-ErrorType", "BadRequestException")
                    .withBody("{\"message\":\"Missing subject\"}")));

            assertThatThrownBy(() -> mailer().send(email("ops@example.com", "")))
                    .isInstanceOf(BadRequestException.class);
            ses.verify(1, postRequestedFor(urlEqualTo("/v2/email/outbound-emails")));
        }

        /** R26: twenty halts at once, every other call throttled: each owner gets one email. */
        @Test
        void twenty_owners_each_get_exactly_one_email_through_throttling() {
            stubEveryOtherCallThrottled();
            SesMailer mailer = mailer();

            IntStream.range(0, 20).forEach(i ->
                    mailer.send(email("owner" + i + "@example.com", "Job " + i + " halted")));

            List<String> delivered = ses.getAllServeEvents().stream()
                    .filter(event -> event.getResponse().getStatus() == 200)
                    .map(ServeEvent::getRequest)
                    .map(request -> RecordedHttp.json(request.getBodyAsString())
                            .path("Destination").path("ToAddresses").get(0).asText())
                    .sorted()
                    .toList();
            assertThat(delivered).isEqualTo(IntStream.range(0, 20)
                    .mapToObj(i -> "owner" + i + "@example.com").sorted().toList());
            assertThat(waits).hasSize(20);
        }

        @Test
        void the_request_carries_sender_recipients_and_both_parts_in_utf8() {
            stubThrottledTimes(0);

            mailer().send(email("ops@example.com", "Bénévole: halted"));

            String body = ses.getAllServeEvents().get(0).getRequest().getBodyAsString();
            assertThat(RecordedHttp.json(body)).isEqualTo(RecordedHttp.json("""
                    {"FromEmailAddress":"intake@example.com",
                     "Destination":{"ToAddresses":["ops@example.com"]},
                     "Content":{"Simple":{
                       "Subject":{"Data":"Bénévole: halted","Charset":"UTF-8"},
                       "Body":{"Text":{"Data":"Job store-locations halted.","Charset":"UTF-8"},
                               "Html":{"Data":"<p>Job <b>store-locations</b> halted.</p>",
                                       "Charset":"UTF-8"}}}}}
                    """));
        }

        private void stubThrottledTimes(int times) {
            for (int i = 0; i < times; i++) {
                ses.stubFor(post(anyUrl()).inScenario("throttle")
                        .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "throttled-" + i)
                        .willReturn(throttled())
                        .willSetStateTo("throttled-" + (i + 1)));
            }
            ses.stubFor(post(anyUrl()).inScenario("throttle")
                    .whenScenarioStateIs(times == 0 ? Scenario.STARTED : "throttled-" + times)
                    .willReturn(accepted()));
        }

        private void stubEveryOtherCallThrottled() {
            ses.stubFor(post(anyUrl()).inScenario("alternate")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(throttled()).willSetStateTo("open"));
            ses.stubFor(post(anyUrl()).inScenario("alternate")
                    .whenScenarioStateIs("open")
                    .willReturn(accepted()).willSetStateTo(Scenario.STARTED));
        }

        private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
                throttled() {
            return aResponse().withStatus(429)
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withBody("{\"message\":\"Maximum sending rate exceeded.\"}");
        }

        private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
                accepted() {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"MessageId\":\"ses-ok\"}");
        }
    }
}
