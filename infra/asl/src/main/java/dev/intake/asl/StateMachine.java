package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.internal.Definition;
import dev.intake.asl.internal.DefinitionParser;
import java.util.List;
import java.util.Objects;

/**
 * A validated state machine definition (JSONPath dialect). Build one with {@link #parse(String)};
 * run it with an {@link Interpreter}. Immutable and safe to share between executions.
 */
public final class StateMachine {

    private final Definition definition;

    private StateMachine(Definition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    /**
     * Parses and validates a definition. Refuses, with an {@link AslDefinitionException} naming
     * the state and field, everything the Amazon States Language specification forbids that can
     * be seen before running: unknown {@code StartAt}/{@code Next}/{@code Default} targets,
     * unreachable states, {@code States.ALL} not alone or not last, {@code BackoffRate} below 1,
     * a {@code ResultPath} into the context object, an {@code End} on a Choice, malformed
     * timestamps and paths, a Wait without exactly one of its four duration fields, and so on.
     * Also refuses {@code "QueryLanguage": "JSONata"}, which is not supported yet.
     */
    public static StateMachine parse(String json) {
        return new StateMachine(DefinitionParser.parse(json));
    }

    /** As {@link #parse(String)}, from an already parsed tree. */
    public static StateMachine parse(JsonNode json) {
        return new StateMachine(DefinitionParser.parse(json));
    }

    /** The top-level {@code StartAt}. */
    public String startAt() {
        return definition.root().startAt();
    }

    /** Names of the top-level states, in definition order (nested branches excluded). */
    public List<String> stateNames() {
        return List.copyOf(definition.root().states().keySet());
    }

    /** The definition as given (a defensive copy). */
    public JsonNode json() {
        return definition.json().deepCopy();
    }

    Definition definition() {
        return definition;
    }
}
