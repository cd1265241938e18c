package dev.intake.local.workflow;

import dev.intake.port.Mailer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps every email it is asked to send, without recognising dedup keys, so that a test sees
 * each send. Can refuse some recipients (as the SES sandbox does) and throttle the first call
 * for each dedup key (as SES does when many emails leave at once, after the adapter's own
 * retries gave up).
 */
final class RecordingMailer implements Mailer {

    private final List<Email> sent = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();
    private final Set<String> throttledOnce = new HashSet<>();
    private boolean throttleFirstSend;
    private int calls;

    void refuse(String address) {
        refused.add(address);
    }

    void throttleFirstSendOfEachEmail() {
        throttleFirstSend = true;
    }

    @Override
    public synchronized String send(Email email) {
        calls++;
        if (email.to().stream().anyMatch(refused::contains)) {
            throw new MailRefusedException("Email address is not verified. The following"
                    + " identities failed the check in region US-EAST-1: " + email.to(), null);
        }
        if (throttleFirstSend && throttledOnce.add(email.dedupKey())) {
            throw new IllegalStateException("Maximum sending rate exceeded (throttled)");
        }
        sent.add(email);
        return "message-" + sent.size();
    }

    synchronized List<Email> sent() {
        return List.copyOf(sent);
    }

    synchronized int calls() {
        return calls;
    }
}
