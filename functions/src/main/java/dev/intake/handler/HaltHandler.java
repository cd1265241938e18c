package dev.intake.handler;

import dev.intake.workflow.HaltInput;
import dev.intake.workflow.HaltService;
import dev.intake.workflow.Services;

/** Halt: halts the job after the last rerun failed and sends one email about it. */
public final class HaltHandler extends JsonHandler<HaltInput, HaltService.HaltResult> {

    private final HaltService halts;

    /** Used by AWS Lambda: builds the services from the environment. */
    public HaltHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public HaltHandler(Services services) {
        super(HaltInput.class);
        this.halts = new HaltService(services);
    }

    @Override
    HaltService.HaltResult handle(HaltInput input) {
        return halts.halt(input);
    }
}
