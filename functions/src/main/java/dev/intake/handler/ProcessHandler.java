package dev.intake.handler;

import dev.intake.workflow.AttemptState;
import dev.intake.workflow.AttemptSteps;
import dev.intake.workflow.Services;

/** Process: normalises the valid records and resolves duplicate keys. */
public final class ProcessHandler extends JsonHandler<AttemptState, AttemptState> {

    private final AttemptSteps steps;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ProcessHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ProcessHandler(Services services) {
        super(AttemptState.class);
        this.steps = new AttemptSteps(services);
    }

    @Override
    AttemptState handle(AttemptState input) {
        return steps.process(input);
    }
}
