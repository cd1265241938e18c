package dev.intake.handler;

import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.workflow.FailureInput;
import dev.intake.workflow.FailureRecorder;
import dev.intake.workflow.Services;
import java.time.Instant;

/** RecordFailure: records a failed attempt with its reason and the time of its rerun. */
public final class RecordFailureHandler
        extends JsonHandler<FailureInput, RecordFailureHandler.Recorded> {

    private final FailureRecorder recorder;

    /** Used by AWS Lambda: builds the services from the environment. */
    public RecordFailureHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public RecordFailureHandler(Services services) {
        super(FailureInput.class);
        this.recorder = new FailureRecorder(services);
    }

    @Override
    Recorded handle(FailureInput input) {
        String runId = input.attempt().runId();
        return recorder.record(input)
                .map(run -> Recorded.of(run))
                .orElse(new Recorded(runId, input.attempt().attempt(), false, null, null, null));
    }

    /**
     * @param recorded false when the attempt failed before its run existed
     */
    public record Recorded(
            String runId,
            int attempt,
            boolean recorded,
            RunStatus status,
            FailureReason reason,
            Instant nextRerunAt) {

        static Recorded of(Run run) {
            return new Recorded(run.id(), run.attempt(), true, run.status(), run.reason(),
                    run.nextRerunAt());
        }
    }
}
