package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import java.time.Instant;
import java.util.List;

/**
 * The Map state. Inline mode runs the ItemProcessor for each item of ItemsPath, results in input
 * order, failing at the first failed iteration; DISTRIBUTED mode is {@link DistributedMap}.
 */
final class MapRunner {

    private MapRunner() {
    }

    static Outcome run(StateDef state, JsonNode input, Frame frame) {
        return RetriedState.run(state, input, frame, MapRunner::attempt);
    }

    private static Outcome attempt(StateDef state, JsonNode input, Instant enteredTime,
            int retryCount, Frame frame) {
        ObjectNode context = frame.run().context(state.name(), enteredTime, retryCount);
        JsonNode effective = Io.inputPath(state, input, context);

        JsonNode raw = isDistributed(state)
                ? new DistributedMap(state, effective, context, frame).run()
                : inline(state, effective, context, frame);

        return RetriedState.exit(state, input, raw, context, frame);
    }

    static boolean isDistributed(StateDef state) {
        return "DISTRIBUTED".equals(state.json().path("ItemProcessor").path("ProcessorConfig")
                .path("Mode").textValue());
    }

    private static JsonNode inline(StateDef state, JsonNode effective, ObjectNode context,
            Frame frame) {
        ArrayNode items = items(state, effective, context);
        int concurrency = maxConcurrency(state, effective, context);
        ObjectNode started = Json.object();
        started.put("length", items.size());
        BranchRunner.event(frame, HistoryEventType.MapStateStarted, state.name(), started);

        List<Fanout.Result> results = Fanout.run(frame, items.size(), concurrency, true,
                (index, child) -> iteration(state, selectItem(state, items.get(index), index,
                        effective, context, child), index, child));

        Fanout.Result failure = Fanout.firstFailure(results);
        if (failure != null) {
            BranchRunner.event(frame, HistoryEventType.MapStateFailed, state.name(),
                    Json.object());
            throw failure.error();
        }
        ArrayNode outputs = Json.array();
        results.forEach(result -> outputs.add(result.output()));
        BranchRunner.event(frame, HistoryEventType.MapStateSucceeded, state.name(),
                Json.object());
        return outputs;
    }

    /** The array at ItemsPath (default {@code $}) of the effective input. */
    static ArrayNode items(StateDef state, JsonNode effective, JsonNode context) {
        String path = state.has("ItemsPath") ? state.text("ItemsPath") : "$";
        JsonNode items = Paths.read(path, effective, context);
        if (!(items instanceof ArrayNode array)) {
            throw StatesError.runtime("The ItemsPath '" + path + "' of state '" + state.name()
                    + "' must reference an array, found " + abbreviate(items));
        }
        return array;
    }

    static int maxConcurrency(StateDef state, JsonNode effective, JsonNode context) {
        if (state.has("MaxConcurrency")) {
            return state.field("MaxConcurrency").intValue();
        }
        if (!state.has("MaxConcurrencyPath")) {
            return 0;
        }
        JsonNode value = Paths.read(state.text("MaxConcurrencyPath"), effective, context);
        if (!Json.isIntegral(value) || value.decimalValue().signum() < 0) {
            throw StatesError.runtime("The MaxConcurrencyPath of state '" + state.name()
                    + "' must reference a non-negative integer, found " + Json.write(value));
        }
        return value.decimalValue().intValue();
    }

    /** ItemSelector (or the older Parameters) for one item; the item itself without one. */
    static JsonNode selectItem(StateDef state, JsonNode item, int index, JsonNode effective,
            ObjectNode context, Frame frame) {
        JsonNode selector = state.has("ItemSelector") ? state.field("ItemSelector")
                : state.field("Parameters");
        if (selector == null) {
            return item;
        }
        // A shallow copy: only the new top-level "Map" field differs from the state's context.
        ObjectNode itemContext = Json.object().setAll(context);
        ObjectNode mapItem = itemContext.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return PayloadTemplate.evaluate(selector, effective, itemContext,
                frame.random());
    }

    /** Runs the ItemProcessor on one input, recording the iteration events. */
    static JsonNode iteration(StateDef state, JsonNode input, int index, Frame child) {
        ObjectNode details = Json.object();
        details.put("index", index);
        details.put("name", state.name());
        BranchRunner.event(child, HistoryEventType.MapIterationStarted, state.name(), details);
        try {
            JsonNode output = BranchRunner.run(state.processor(), input, child);
            BranchRunner.event(child, HistoryEventType.MapIterationSucceeded, state.name(),
                    details);
            return output;
        } catch (StatesError error) {
            ObjectNode failed = details.deepCopy();
            failed.put("error", error.error());
            failed.put("cause", error.cause());
            BranchRunner.event(child, HistoryEventType.MapIterationFailed, state.name(), failed);
            throw error;
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = Json.write(node);
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
