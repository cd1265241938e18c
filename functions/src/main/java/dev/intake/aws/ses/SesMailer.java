package dev.intake.aws.ses;

import dev.intake.aws.Backoff;
import dev.intake.port.Mailer;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * {@link Mailer} on SES (API v2): one SendEmail per email, with a text and an HTML part.
 *
 * <p>Throttling and a refused connection are retried here with backoff and jitter (the SES
 * client is built without SDK retries, so there is one retry owner): when twenty jobs halt at
 * once, every owner still gets the email, and only once, because a throttled call sent nothing.
 * A refusal that retrying cannot change (an unverified recipient in the sandbox, a paused account)
 * becomes {@link MailRefusedException} at once.
 */
public final class SesMailer implements Mailer {

    /** Six tries over at most ~10 s: SES's sending rate limit refills every second. */
    public static final Backoff DEFAULT_BACKOFF =
            Backoff.of(Duration.ofMillis(200), Duration.ofSeconds(4), 6);

    private static final String UTF_8 = "UTF-8";

    private final SesV2Client ses;
    private final String sender;
    private final Backoff backoff;

    public SesMailer(SesV2Client ses, String sender) {
        this(ses, sender, DEFAULT_BACKOFF);
    }

    public SesMailer(SesV2Client ses, String sender, Backoff backoff) {
        this.ses = ses;
        this.sender = sender;
        this.backoff = backoff;
    }

    @Override
    public String send(Email email) {
        SendEmailRequest request = request(email);
        for (int attempt = 1; ; attempt++) {
            try {
                return ses.sendEmail(request).messageId();
            } catch (MessageRejectedException | MailFromDomainNotVerifiedException
                     | AccountSuspendedException | SendingPausedException refused) {
                throw new MailRefusedException("SES refused the email '" + email.subject()
                        + "' (" + email.to().size() + " recipients): " + refused.getMessage()
                        + "; in the SES sandbox verify each recipient, or request production "
                        + "access", refused);
            } catch (SdkException failure) {
                if (!isTransient(failure) || attempt == backoff.maxAttempts()) {
                    throw failure;
                }
                backoff.pause(attempt);
            }
        }
    }

    private SendEmailRequest request(Email email) {
        return SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(text(email.subject()))
                        .body(Body.builder()
                                .text(text(email.text()))
                                .html(text(email.html()))
                                .build())))
                .build();
    }

    /**
     * Failures after which SES surely sent nothing: throttling (429 or a throttling code) and a
     * connection that was never opened. A timeout or a 5xx may come after SES accepted the email,
     * so those fail the task instead; the workflow retries it and the caller's dedup key keeps
     * the email from going out twice.
     */
    static boolean isTransient(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return service.isThrottlingException();
        }
        return failure instanceof SdkClientException && neverConnected(failure);
    }

    private static boolean neverConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Content text(String value) {
        return Content.builder().data(value).charset(UTF_8).build();
    }
}
