package dev.intake.handler;

import dev.intake.workflow.ManualRetry;
import dev.intake.workflow.Services;

/** RetryRun: a person retries a Failed or Halted run; a new execution imports the file again. */
public final class RetryRunHandler extends JsonHandler<RetryRunHandler.Input, ManualRetry.Retry> {

    private final ManualRetry retries;

    /** Used by AWS Lambda: builds the services from the environment. */
    public RetryRunHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public RetryRunHandler(Services services) {
        super(Input.class);
        this.retries = new ManualRetry(services);
    }

    @Override
    ManualRetry.Retry handle(Input input) {
        return retries.retry(input.runId());
    }

    public record Input(String runId) {

        public Input {
            java.util.Objects.requireNonNull(runId, "runId");
        }
    }
}
