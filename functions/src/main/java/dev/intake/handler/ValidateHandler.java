package dev.intake.handler;

import dev.intake.workflow.AttemptState;
import dev.intake.workflow.AttemptSteps;
import dev.intake.workflow.Services;

/** Validate: checks every row of the file against the job's schema. */
public final class ValidateHandler extends JsonHandler<AttemptState, AttemptState> {

    private final AttemptSteps steps;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ValidateHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ValidateHandler(Services services) {
        super(AttemptState.class);
        this.steps = new AttemptSteps(services);
    }

    @Override
    AttemptState handle(AttemptState input) {
        return steps.validate(input);
    }
}
