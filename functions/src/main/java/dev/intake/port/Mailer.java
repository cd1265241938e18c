package dev.intake.port;

import java.util.List;

/** Sends notification emails: SES on AWS, an outbox folder locally. */
public interface Mailer {

    /**
     * Sends one email and returns the id the service gave it. Throws {@link MailRefusedException}
     * when the service refuses it for good (an unverified recipient in the SES sandbox).
     */
    String send(Email email);

    /**
     * @param dedupKey identifies the state change the email reports, so that a redelivered event
     *                 can be recognised and not mailed twice
     */
    record Email(List<String> to, String subject, String text, String html, String dedupKey) {

        public Email {
            to = List.copyOf(to);
        }
    }

    class MailRefusedException extends RuntimeException {

        public MailRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
