package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import java.time.Instant;

/** Pass, Wait, Choice, Succeed and Fail: the states that call nothing outside. */
final class SimpleStates {

    private SimpleStates() {
    }

    static Outcome pass(StateDef state, JsonNode input, Frame frame) {
        BranchRunner.entered(state, input, frame);
        ObjectNode context = context(state, frame);

        JsonNode effective = Io.inputPath(state, input, context);
        JsonNode result = effective;
        if (state.has("Result")) {
            result = state.field("Result");
        } else if (state.has("Parameters")) {
            result = PayloadTemplate.evaluate(state.field("Parameters"), effective, context,
                    frame.random());
        }

        JsonNode output = Io.outputPath(state, Io.resultPath(state, input, result), context);
        return BranchRunner.exited(state, output, state.next(), frame);
    }

    static Outcome waitState(StateDef state, JsonNode input, Frame frame) {
        BranchRunner.entered(state, input, frame);
        ObjectNode context = context(state, frame);
        JsonNode effective = Io.inputPath(state, input, context);

        frame.timeline().waitUntil(waitEnd(state, effective, context, frame.timeline().now()));

        JsonNode output = Io.outputPath(state, effective, context);
        return BranchRunner.exited(state, output, state.next(), frame);
    }

    private static Instant waitEnd(StateDef state, JsonNode input, JsonNode context,
            Instant now) {
        if (state.has("Seconds")) {
            return now.plusSeconds(state.field("Seconds").longValue());
        }
        if (state.has("Timestamp")) {
            return later(now, Timestamps.parse(state.text("Timestamp")).orElseThrow());
        }
        if (state.has("SecondsPath")) {
            JsonNode seconds = Paths.read(state.text("SecondsPath"), input, context);
            if (!Json.isIntegral(seconds) || seconds.decimalValue().signum() < 0) {
                throw StatesError.runtime("The SecondsPath parameter does not reference a valid "
                        + "non-negative integer: " + Json.write(seconds));
            }
            return now.plusSeconds(seconds.decimalValue().longValueExact());
        }
        JsonNode timestamp = Paths.read(state.text("TimestampPath"), input, context);
        if (!timestamp.isTextual() || Timestamps.parse(timestamp.textValue()).isEmpty()) {
            throw StatesError.runtime("The TimestampPath parameter does not reference a valid "
                    + "ISO-8601 extended offset date-time format string: "
                    + Json.write(timestamp));
        }
        return later(now, Timestamps.parse(timestamp.textValue()).get());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Outcome choice(StateDef state, JsonNode input, Frame frame) {
        BranchRunner.entered(state, input, frame);
        ObjectNode context = context(state, frame);
        JsonNode effective = Io.inputPath(state, input, context);

        String next = chooseNext(state, effective, context);

        JsonNode output = Io.outputPath(state, effective, context);
        return BranchRunner.exited(state, output, next, frame);
    }

    private static String chooseNext(StateDef state, JsonNode input, JsonNode context) {
        ChoiceRules rules = new ChoiceRules(input, context);
        for (JsonNode choice : state.field("Choices")) {
            if (rules.matches(choice)) {
                return choice.get("Next").textValue();
            }
        }
        if (state.has("Default")) {
            return state.text("Default");
        }
        throw new StatesError(StatesError.NO_CHOICE, "No Matches! (state '" + state.name()
                + "' has no Default)");
    }

    static Outcome succeed(StateDef state, JsonNode input, Frame frame) {
        BranchRunner.entered(state, input, frame);
        ObjectNode context = context(state, frame);
        JsonNode output = Io.outputPath(state, Io.inputPath(state, input, context), context);
        return BranchRunner.exited(state, output, null, frame);
    }

    static Outcome fail(StateDef state, JsonNode input, Frame frame) {
        BranchRunner.entered(state, input, frame);
        ObjectNode context = context(state, frame);
        String error = failText(state, "Error", input, context, frame);
        String cause = failText(state, "Cause", input, context, frame);
        throw new StatesError(error, cause);
    }

    private static String failText(StateDef state, String field, JsonNode input,
            JsonNode context, Frame frame) {
        if (state.has(field)) {
            return state.text(field);
        }
        if (!state.has(field + "Path")) {
            return null;
        }
        JsonNode value = Io.pathOrIntrinsic(state.text(field + "Path"), input, context,
                frame.random());
        if (!value.isTextual()) {
            throw StatesError.runtime("The " + field + "Path of state '" + state.name()
                    + "' must reference a string, found " + Json.write(value));
        }
        return value.textValue();
    }

    static ObjectNode context(StateDef state, Frame frame) {
        return frame.run().context(state.name(), frame.timeline().now(), 0);
    }

    /** An event in {@code frame}'s log at its current time. */
    static void event(Frame frame, HistoryEventType type, String stateName, JsonNode details) {
        BranchRunner.event(frame, type, stateName, details);
    }
}
