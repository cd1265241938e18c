package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** InputPath, ResultPath, OutputPath and the payload quota, as every state applies them. */
final class Io {

    private Io() {
    }

    /** Absent: the whole input; null: {@code {}}; otherwise the path's value. */
    static JsonNode inputPath(StateDef state, JsonNode input, JsonNode context) {
        return select(state.field("InputPath"), input, context);
    }

    static JsonNode outputPath(StateDef state, JsonNode output, JsonNode context) {
        return select(state.field("OutputPath"), output, context);
    }

    private static JsonNode select(JsonNode path, JsonNode document, JsonNode context) {
        if (path == null) {
            return document;
        }
        if (path.isNull()) {
            return Json.object();
        }
        return Paths.read(path.textValue(), document, context);
    }

    /** Absent: the result replaces the input; null: the input passes unchanged. */
    static JsonNode resultPath(StateDef state, JsonNode rawInput, JsonNode result) {
        JsonNode path = state.field("ResultPath");
        if (path == null) {
            return result;
        }
        if (path.isNull()) {
            return rawInput;
        }
        return Paths.put(path.textValue(), rawInput, result);
    }

    /** Fails with {@code States.DataLimitExceeded} when {@code payload} is over 256 KiB. */
    static void checkSize(JsonNode payload, String stateName, String what) {
        int size = Json.utf8Size(payload);
        if (size > Json.MAX_PAYLOAD_BYTES) {
            throw new StatesError(StatesError.DATA_LIMIT, "The state/task '" + stateName
                    + "' " + what + " with a size exceeding the maximum number of bytes service "
                    + "limit (" + size + " > " + Json.MAX_PAYLOAD_BYTES + " bytes).");
        }
    }

    /** A path or an intrinsic function, as Fail's ErrorPath and CausePath allow. */
    static JsonNode pathOrIntrinsic(String expression, JsonNode input, JsonNode context,
            java.util.Random random) {
        if (expression.startsWith("$")) {
            return Paths.read(expression, input, context);
        }
        return new Intrinsics(input, context, random).evaluate(IntrinsicParser.parse(expression));
    }
}
