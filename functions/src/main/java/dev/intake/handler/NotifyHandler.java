package dev.intake.handler;

import dev.intake.notify.Notifier;
import dev.intake.workflow.Services;

/** Notify: one email about a run's current status, if the job's notify.on names it. */
public final class NotifyHandler extends JsonHandler<NotifyHandler.Input, NotifyHandler.Output> {

    private final Notifier notifier;

    /** Used by AWS Lambda: builds the services from the environment. */
    public NotifyHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public NotifyHandler(Services services) {
        super(Input.class);
        this.notifier = new Notifier(services);
    }

    @Override
    Output handle(Input input) {
        String emailId = notifier.notifyStatus(input.runId()).orElse(null);
        return new Output(input.runId(), emailId != null, emailId);
    }

    public record Input(String runId) {

        public Input {
            java.util.Objects.requireNonNull(runId, "runId");
        }
    }

    /** @param emailId the mailer's id of the email; null when none was sent */
    public record Output(String runId, boolean sent, String emailId) {}
}
