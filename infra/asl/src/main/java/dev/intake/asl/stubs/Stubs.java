package dev.intake.asl.stubs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.asl.StateMachine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Planned answers for Task states, read from a stubs file in the spirit of the Step Functions
 * Local mock configuration: per state name, the answers in call order; the last one repeats when
 * calls outnumber answers.
 *
 * <pre>{@code
 * { "Validate": [ {"throw": {"error": "Lambda.TooManyRequestsException", "cause": "slow down"}},
 *                 {"return": {"rows": 3}, "durationSeconds": 2} ],
 *   "AwaitApproval": [ {"noCallback": true} ] }
 * }</pre>
 *
 * <p>For a Lambda state, {@code return} is what the function returns (the interpreter adds the
 * {@code lambda:invoke} wrapper). Build the interpreter's resources with {@link #resources()}.
 */
public final class Stubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final Map<String, List<StubAnswer>> answers;

    private Stubs(String source, Map<String, List<StubAnswer>> answers) {
        this.source = Objects.requireNonNull(source, "source");
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** Reads a stubs file; {@link StubFormatException} names the file and the faulty entry. */
    public static Stubs load(Path file) {
        String source = "stubs file " + file;
        try {
            return parse(JSON.readTree(Files.readString(file)), source);
        } catch (JsonProcessingException e) {
            throw new StubFormatException(source + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StubFormatException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads stubs from a parsed JSON object. {@code source} names where they came from, for
     * messages (e.g. {@code "stubs file stubs.json"} or {@code "case task/retry.json"}).
     */
    public static Stubs parse(JsonNode json, String source) {
        if (json == null || json.isNull()) {
            return new Stubs(source, Map.of());
        }
        if (!json.isObject()) {
            throw new StubFormatException(source + " must be a JSON object of state names, was "
                    + json.getNodeType());
        }
        Map<String, List<StubAnswer>> answers = new LinkedHashMap<>();
        json.properties().forEach(field -> answers.put(field.getKey(),
                answersOf(field.getKey(), field.getValue(), source)));
        return new Stubs(source, answers);
    }

    /** Where these stubs came from, as used in messages. */
    public String source() {
        return source;
    }

    public Set<String> stateNames() {
        return answers.keySet();
    }

    /** The planned answers of {@code stateName}, in call order. */
    public Optional<List<StubAnswer>> answers(String stateName) {
        return Optional.ofNullable(answers.get(stateName));
    }

    /**
     * Refuses to run {@code machine} when one of its Task states (in branches and Map processors
     * too) has no stub, naming the first such state and this file. Calling it before a run turns
     * a missing stub into a clear error instead of a task failure a catcher might swallow.
     */
    public void requireStubsFor(StateMachine machine) {
        List<String> missing = new ArrayList<>();
        collectTaskStates(machine.json(), missing);
        missing.removeAll(answers.keySet());
        if (!missing.isEmpty()) {
            throw new MissingStubException(missing.get(0), source);
        }
    }

    /** A fresh {@link StubbedResources}: call counts start at zero. */
    public StubbedResources resources() {
        return new StubbedResources(this);
    }

    private static void collectTaskStates(JsonNode definition, List<String> names) {
        definition.path("States").properties().forEach(entry -> {
            JsonNode state = entry.getValue();
            if ("Task".equals(state.path("Type").asText())) {
                names.add(entry.getKey());
            }
            state.path("Branches").forEach(branch -> collectTaskStates(branch, names));
            collectTaskStates(state.path("ItemProcessor"), names);
            collectTaskStates(state.path("Iterator"), names);
        });
    }

    private static List<StubAnswer> answersOf(String state, JsonNode entries, String source) {
        if (!entries.isArray() || entries.isEmpty()) {
            throw new StubFormatException(source + ", state '" + state
                    + "': expected a non-empty array of answers");
        }
        List<StubAnswer> list = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            list.add(answerOf(entries.get(i), new Where(source, state, i)));
        }
        return List.copyOf(list);
    }

    private static StubAnswer answerOf(JsonNode entry, Where where) {
        if (!entry.isObject()) {
            throw where.error("expected an object with \"return\", \"throw\" or \"noCallback\"");
        }
        int kinds = (entry.has("return") ? 1 : 0) + (entry.has("throw") ? 1 : 0)
                + (entry.has("noCallback") ? 1 : 0);
        if (kinds != 1) {
            throw where.error("needs exactly one of \"return\", \"throw\" and \"noCallback\"");
        }
        Duration duration = durationOf(entry.get("durationSeconds"), where);
        if (entry.has("return")) {
            return new StubAnswer.Return(entry.get("return"), duration);
        }
        if (entry.has("throw")) {
            return throwOf(entry.get("throw"), duration, where);
        }
        if (!entry.get("noCallback").asBoolean(false)) {
            throw where.error("\"noCallback\" must be true");
        }
        return new StubAnswer.NoCallback(duration);
    }

    private static StubAnswer throwOf(JsonNode spec, Duration duration, Where where) {
        if (!spec.isObject()) {
            throw where.error("\"throw\" must be an object {\"error\": ..., \"cause\": ...}");
        }
        return new StubAnswer.Throw(textOrNull(spec.get("error"), "error", where),
                textOrNull(spec.get("cause"), "cause", where), duration);
    }

    private static String textOrNull(JsonNode value, String field, Where where) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw where.error("\"throw\"." + field + " must be a string or null, was " + value);
        }
        return value.textValue();
    }

    private static Duration durationOf(JsonNode seconds, Where where) {
        if (seconds == null) {
            return Duration.ZERO;
        }
        if (!seconds.isNumber() || seconds.decimalValue().signum() < 0) {
            throw where.error("\"durationSeconds\" must be a non-negative number, was " + seconds);
        }
        BigDecimal nanos = seconds.decimalValue().movePointRight(9);
        return Duration.ofNanos(nanos.longValue());
    }

    /** Position of an entry, for messages. */
    private record Where(String source, String state, int index) {
        StubFormatException error(String problem) {
            return new StubFormatException(source + ", state '" + state + "', answer " + index
                    + ": " + problem);
        }
    }
}
