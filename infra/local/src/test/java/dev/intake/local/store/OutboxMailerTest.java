package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.MutableClock;
import dev.intake.port.Mailer.Email;
import dev.intake.port.Mailer.MailRefusedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {

    @TempDir
    Path outbox;

    private final MutableClock clock = new MutableClock(T0.plusMillis(250));

    private OutboxMailer mailer(RefusedRecipients refused) {
        return new OutboxMailer(outbox, clock, "intake@localhost", refused);
    }

    private static Email halted(String subject, String text, String html) {
        return new Email(List.of("ops@example.com", "data@example.com"), subject, text, html,
                "run-1/halted");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Nested
    class Writing {

        @Test
        void writesTheWholeMessageAsExpected() throws Exception {
            String id = mailer(RefusedRecipients.none()).send(halted("Job zips halted",
                    "Job zips halted.\nFix the file and reactivate.\n",
                    "<p>Job <b>zips</b> halted.</p>\n"));

            assertThat(id).isEqualTo("20261204T060000250Z_run-1-halted_dc92817852e4bb12.eml");
            assertThat(files()).containsExactly(id);
            assertThat(Files.readString(outbox.resolve(id), StandardCharsets.US_ASCII))
                    .isEqualTo(expected("halted-ascii.eml"));
        }

        @Test
        void encodesNonAsciiSubjectAndBothPartsAsUtf8() throws Exception {
            String id = mailer(RefusedRecipients.none()).send(halted("Zürich: job halted ✗",
                    "Stadt: Zürich — 北京\n", "<p>Stadt: Zürich — 北京</p>\n"));

            String raw = Files.readString(outbox.resolve(id), StandardCharsets.US_ASCII);
            MimeMessage message = parse(outbox.resolve(id));
            MimeMultipart parts = (MimeMultipart) message.getContent();

            assertThat(raw).contains("Subject: =?UTF-8?");
            assertThat(raw).doesNotContain("Zürich");
            assertThat(message.getSubject()).isEqualTo("Zürich: job halted ✗");
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType())
                    .isEqualTo("text/plain; charset=UTF-8");
            // MIME text travels with CRLF line ends, so that is what a reader decodes.
            assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Stadt: Zürich — 北京\r\n");
            assertThat(parts.getBodyPart(1).getContentType())
                    .isEqualTo("text/html; charset=UTF-8");
            assertThat(parts.getBodyPart(1).getContent())
                    .isEqualTo("<p>Stadt: Zürich — 北京</p>\r\n");
        }

        @Test
        void writesOneFileForTheSameDedupKeyAndReturnsItsName() throws IOException {
            OutboxMailer mailer = mailer(RefusedRecipients.none());
            String first = mailer.send(halted("Job zips halted", "a", "<p>a</p>"));
            clock.advance(Duration.ofMinutes(15));

            String second = mailer.send(halted("Job zips halted again", "b", "<p>b</p>"));

            assertThat(second).isEqualTo(first);
            assertThat(files()).containsExactly(first);
        }

        @Test
        void keepsTwoFilesForKeysThatSanitiseAlike() throws IOException {
            OutboxMailer mailer = mailer(RefusedRecipients.none());

            String slash = mailer.send(new Email(List.of("ops@example.com"), "s", "t", "h", "a/b"));
            String colon = mailer.send(new Email(List.of("ops@example.com"), "s", "t", "h", "a:b"));

            assertThat(slash).isNotEqualTo(colon).startsWith("20261204T060000250Z_a-b_");
            assertThat(colon).startsWith("20261204T060000250Z_a-b_");
            assertThat(files()).hasSize(2);
        }

        @Test
        void refusesAnEmailWithoutDedupKey() {
            Email email = new Email(List.of("ops@example.com"), "Job zips failed", "t", "h", " ");

            assertThatThrownBy(() -> mailer(RefusedRecipients.none()).send(email))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("An email needs a dedup key, so that a redelivered event does not"
                            + " mail twice; subject: Job zips failed");
        }
    }

    @Nested
    class Refusal {

        @Test
        void refusesAnAddressOnTheGivenListAndWritesNothing() throws IOException {
            OutboxMailer mailer = mailer(RefusedRecipients.of(Set.of("DATA@example.com")));

            assertThatThrownBy(() -> mailer.send(halted("s", "t", "h")))
                    .isInstanceOf(MailRefusedException.class)
                    .hasMessage("The outbox refused email run-1/halted to data@example.com: the"
                            + " address is in the list given at start-up, which rehearses the SES"
                            + " sandbox refusing an unverified recipient. Remove it from that list"
                            + " (on AWS: verify the address in SES) to deliver.");
            assertThat(files()).isEmpty();
        }

        @Test
        void comparesTheAddressWithoutItsDisplayName() {
            OutboxMailer mailer = mailer(RefusedRecipients.of(Set.of("ops@example.com")));
            Email email = new Email(List.of("Ops Team <Ops@Example.com>"), "s", "t", "h", "k");

            assertThatThrownBy(() -> mailer.send(email))
                    .isInstanceOf(MailRefusedException.class)
                    .hasMessageStartingWith("The outbox refused email k to Ops@Example.com:");
        }

        @Test
        void refusesARecipientThatIsNoAddress() {
            Email email = new Email(List.of("ops at example"), "s", "t", "h", "k");

            assertThatThrownBy(() -> mailer(RefusedRecipients.none()).send(email))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Email k has recipient 'ops at example', which is no"
                            + " email address (");
        }

        @Test
        void readsTheListFileAtEverySend() throws IOException {
            Path list = outbox.resolveSibling("refused-" + outbox.getFileName() + ".txt");
            OutboxMailer mailer = mailer(RefusedRecipients.listedIn(list));
            mailer.send(new Email(List.of("ops@example.com"), "s", "t", "h", "first"));

            Files.writeString(list, "# rehearse the sandbox\n  ops@example.com  # unverified\n");

            assertThatThrownBy(() -> mailer.send(
                    new Email(List.of("ops@example.com"), "s", "t", "h", "second")))
                    .isInstanceOf(MailRefusedException.class)
                    .hasMessageContaining("the address is in " + list + ", which rehearses");
            Files.delete(list);
        }
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = OutboxMailerTest.class.getResourceAsStream("outbox/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
