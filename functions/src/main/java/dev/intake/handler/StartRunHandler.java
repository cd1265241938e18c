package dev.intake.handler;

import dev.intake.workflow.AttemptInput;
import dev.intake.workflow.AttemptStarter;
import dev.intake.workflow.AttemptState;
import dev.intake.workflow.Services;

/** StartRun: creates the attempt's run (once) and names the step to run first. */
public final class StartRunHandler extends JsonHandler<AttemptInput, AttemptState> {

    private final AttemptStarter starter;

    /** Used by AWS Lambda: builds the services from the environment. */
    public StartRunHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public StartRunHandler(Services services) {
        super(AttemptInput.class);
        this.starter = new AttemptStarter(services);
    }

    @Override
    AttemptState handle(AttemptInput input) {
        return starter.start(input);
    }
}
