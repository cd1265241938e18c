package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the Task, Map and Parallel states share: the Retry/Catch loop around each attempt, and
 * the result processing (ResultSelector, ResultPath, OutputPath) after it.
 */
final class RetriedState {

    /** One attempt of a state, given the retry count so far. */
    interface Attempt {
        Outcome run(StateDef state, JsonNode input, Instant enteredTime, int retryCount,
                Frame frame);
    }

    private RetriedState() {
    }

    static Outcome run(StateDef state, JsonNode input, Frame frame, Attempt attempt) {
        BranchRunner.entered(state, input, frame);
        Instant enteredTime = frame.timeline().now();
        Recovery recovery = new Recovery(state);
        while (true) {
            try {
                return attempt.run(state, input, enteredTime, recovery.retryCount(), frame);
            } catch (StatesError error) {
                Outcome caught = recovery.handle(error, input, frame);
                if (caught != null) {
                    return caught;
                }
            }
        }
    }

    static Outcome exit(StateDef state, JsonNode input, JsonNode raw, ObjectNode context,
            Frame frame) {
        JsonNode result = state.has("ResultSelector")
                ? PayloadTemplate.evaluate(state.field("ResultSelector"), raw, context,
                        frame.random())
                : raw;
        JsonNode output = Io.outputPath(state, Io.resultPath(state, input, result), context);
        return BranchRunner.exited(state, output, state.next(), frame);
    }
}
