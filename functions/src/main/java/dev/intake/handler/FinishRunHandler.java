package dev.intake.handler;

import dev.intake.workflow.AttemptState;
import dev.intake.workflow.AttemptSteps;
import dev.intake.workflow.Services;

/** FinishRun: reports how the attempt ended (status, counts, outcome). */
public final class FinishRunHandler extends JsonHandler<AttemptState, AttemptState> {

    private final AttemptSteps steps;

    /** Used by AWS Lambda: builds the services from the environment. */
    public FinishRunHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public FinishRunHandler(Services services) {
        super(AttemptState.class);
        this.steps = new AttemptSteps(services);
    }

    @Override
    AttemptState handle(AttemptState input) {
        return steps.finish(input);
    }
}
