package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;

/** Runs the states of one branch from StartAt until a state ends it. */
final class BranchRunner {

    private BranchRunner() {
    }

    /** The branch's output; throws {@link StatesError} when it fails. */
    static JsonNode run(Branch branch, JsonNode input, Frame frame) {
        String current = branch.startAt();
        JsonNode data = input;
        while (true) {
            frame.timeline().checkpoint();
            Outcome outcome = runState(branch.state(current), data, frame);
            if (outcome.next() == null) {
                return outcome.output();
            }
            current = outcome.next();
            data = outcome.output();
        }
    }

    private static Outcome runState(StateDef state, JsonNode input, Frame frame) {
        return switch (state.type()) {
            case Pass -> SimpleStates.pass(state, input, frame);
            case Wait -> SimpleStates.waitState(state, input, frame);
            case Choice -> SimpleStates.choice(state, input, frame);
            case Succeed -> SimpleStates.succeed(state, input, frame);
            case Fail -> SimpleStates.fail(state, input, frame);
            case Task -> TaskRunner.run(state, input, frame);
            case Parallel -> ParallelRunner.run(state, input, frame);
            case Map -> MapRunner.run(state, input, frame);
        };
    }

    static void entered(StateDef state, JsonNode input, Frame frame) {
        ObjectNode details = Json.object();
        details.put("name", state.name());
        details.set("input", input);
        frame.log().add(frame.timeline().now(), HistoryEventType.valueOf(state.type()
                + "StateEntered"), state.name(), details);
    }

    static Outcome exited(StateDef state, JsonNode output, String next, Frame frame) {
        Io.checkSize(output, state.name(), "returned an output");
        ObjectNode details = Json.object();
        details.put("name", state.name());
        details.set("output", output);
        frame.log().add(frame.timeline().now(), HistoryEventType.valueOf(state.type()
                + "StateExited"), state.name(), details);
        return new Outcome(next, output);
    }

    static void event(Frame frame, HistoryEventType type, String stateName, JsonNode details) {
        frame.log().add(frame.timeline().now(), type, stateName, details);
    }
}
