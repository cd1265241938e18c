package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One validated state. Fields the runners read rarely stay in {@code json}; transitions, Retry,
 * Catch and nested branches are parsed.
 *
 * @param next the Next state; null for End, Choice, Succeed, Fail
 * @param branches Parallel branches; empty for other types
 * @param processor the Map's ItemProcessor (or Iterator); null for other types
 */
public record StateDef(
        String name,
        StateType type,
        JsonNode json,
        String next,
        List<Retrier> retry,
        List<Catcher> catchers,
        List<Branch> branches,
        Branch processor) {

    public StateDef {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
        branches = List.copyOf(branches);
    }

    public boolean has(String field) {
        return json.has(field);
    }

    /** The field's value, or null when absent. */
    public JsonNode field(String field) {
        return json.get(field);
    }

    /** The field's text, or null when absent or not a string. */
    public String text(String field) {
        JsonNode value = json.get(field);
        return value == null ? null : value.textValue();
    }

    public boolean isEnd() {
        return next == null;
    }
}
