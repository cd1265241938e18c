package dev.intake.handler;

import dev.intake.workflow.AttemptState;
import dev.intake.workflow.AttemptSteps;
import dev.intake.workflow.Services;

/** Import: writes the processed records to the destination as keyed upserts. */
public final class ImportHandler extends JsonHandler<AttemptState, AttemptState> {

    private final AttemptSteps steps;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ImportHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ImportHandler(Services services) {
        super(AttemptState.class);
        this.steps = new AttemptSteps(services);
    }

    @Override
    AttemptState handle(AttemptState input) {
        return steps.importRecords(input);
    }
}
