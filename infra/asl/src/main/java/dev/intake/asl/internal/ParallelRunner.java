package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import java.time.Instant;
import java.util.List;

/** The Parallel state: every branch gets the same input; any failure fails the state. */
final class ParallelRunner {

    private ParallelRunner() {
    }

    static Outcome run(StateDef state, JsonNode input, Frame frame) {
        return RetriedState.run(state, input, frame, ParallelRunner::attempt);
    }

    private static Outcome attempt(StateDef state, JsonNode input, Instant enteredTime,
            int retryCount, Frame frame) {
        ObjectNode context = frame.run().context(state.name(), enteredTime, retryCount);
        JsonNode effective = Io.inputPath(state, input, context);
        JsonNode branchInput = state.has("Parameters")
                ? PayloadTemplate.evaluate(state.field("Parameters"), effective, context,
                        frame.random())
                : effective;
        BranchRunner.event(frame, HistoryEventType.ParallelStateStarted, state.name(),
                Json.object());

        JsonNode raw = runBranches(state, branchInput, frame);

        return RetriedState.exit(state, input, raw, context, frame);
    }

    private static JsonNode runBranches(StateDef state, JsonNode input, Frame frame) {
        List<Branch> branches = state.branches();
        List<Fanout.Result> results = Fanout.run(frame, branches.size(), 0, true,
                (index, child) -> BranchRunner.run(branches.get(index), input, child));
        Fanout.Result failure = Fanout.firstFailure(results);
        if (failure != null) {
            ObjectNode details = Json.object();
            details.put("error", failure.error().error());
            details.put("cause", failure.error().cause());
            BranchRunner.event(frame, HistoryEventType.ParallelStateFailed, state.name(),
                    details);
            throw failure.error();
        }
        ArrayNode outputs = Json.array();
        results.forEach(result -> outputs.add(result.output()));
        BranchRunner.event(frame, HistoryEventType.ParallelStateSucceeded, state.name(),
                Json.object());
        return outputs;
    }
}
