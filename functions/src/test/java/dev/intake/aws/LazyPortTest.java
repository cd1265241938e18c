package dev.intake.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.port.Mailer;
import dev.intake.port.Mailer.Email;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LazyPortTest {

    private static final Email EMAIL = new Email(List.of("ops@example.com"), "subject", "text",
            "<p>html</p>", "halt/run-1");

    private final List<String> built = new ArrayList<>();

    @Test
    void theAdapterIsBuiltOnTheFirstCallOnlyAndThenReused() {
        Mailer mailer = LazyPort.of(Mailer.class, () -> {
            built.add("mailer");
            return email -> "message-" + built.size();
        });

        assertThat(built).isEmpty();
        assertThat(mailer.send(EMAIL)).isEqualTo("message-1");
        assertThat(mailer.send(EMAIL)).isEqualTo("message-1");
        assertThat(built).containsExactly("mailer");
    }

    /** Handlers and Step Functions name failures by the exception's class: none may be wrapped. */
    @Test
    void anExceptionOfTheAdapterPassesThroughAsItWasThrown() {
        Mailer.MailRefusedException refused = new Mailer.MailRefusedException(
                "SES refused the email 'subject' (1 recipients)", null);
        Mailer mailer = LazyPort.of(Mailer.class, () -> email -> {
            throw refused;
        });

        assertThatThrownBy(() -> mailer.send(EMAIL)).isSameAs(refused);
    }
}
