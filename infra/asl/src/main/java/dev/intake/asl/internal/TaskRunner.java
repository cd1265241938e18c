package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The Task state: input processing, the resource call (with timeouts and callbacks, see
 * {@link TaskCall}), result processing, and Retry/Catch around all of it.
 */
final class TaskRunner {

    private TaskRunner() {
    }

    static Outcome run(StateDef state, JsonNode input, Frame frame) {
        return RetriedState.run(state, input, frame, TaskRunner::attempt);
    }

    private static Outcome attempt(StateDef state, JsonNode input, Instant enteredTime,
            int retryCount, Frame frame) {
        ObjectNode context = frame.run().context(state.name(), enteredTime, retryCount);
        TaskCall call = new TaskCall(state, frame, retryCount);
        if (call.isCallback()) {
            context.putObject("Task").put("Token", call.token());
        }
        JsonNode raw;
        try {
            JsonNode effective = Io.inputPath(state, input, context);
            JsonNode parameters = state.has("Parameters")
                    ? PayloadTemplate.evaluate(state.field("Parameters"), effective, context,
                            frame.random())
                    : effective;
            raw = call.invoke(parameters, effective, context);
        } finally {
            call.close();
        }

        Io.checkSize(raw, state.name(), "returned a result");
        return RetriedState.exit(state, input, raw, context, frame);
    }
}
