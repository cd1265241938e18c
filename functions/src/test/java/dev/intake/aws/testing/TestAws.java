package dev.intake.aws.testing;

import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsConfig;
import java.util.List;
import java.util.Map;

/**
 * The AWS services the adapter tests talk to: local emulators by default, a LocalStack container
 * under {@code -Plocalstack}. Tests receive it as a parameter from {@link AwsServicesExtension}
 * and never know which one they got.
 */
public interface TestAws {

    /** Which backend this is, for messages: {@code emulators} or {@code localstack}. */
    String name();

    /** A config whose endpoints point at the backend, plus the given variables. */
    AwsConfig config(Map<String, String> variables);

    /** Clients on that config; build once per test class and close with {@link AwsClients}. */
    default AwsClients clients(Map<String, String> variables) {
        return new AwsClients(config(variables));
    }

    /** Makes {@code address} a sender the backend accepts. */
    void allowSender(String address);

    /** Every email the backend accepted, oldest first. */
    List<SentMail> sentMail();

    record SentMail(String from, List<String> to, String subject, String text, String html) {

        public SentMail {
            to = List.copyOf(to);
        }
    }
}
