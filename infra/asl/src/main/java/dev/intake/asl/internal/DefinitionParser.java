package dev.intake.asl.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.AslDefinitionException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns definition JSON into a {@link Definition}, refusing what the specification forbids with
 * messages of the form {@code State "X" field "F": what is wrong, was V}.
 */
public final class DefinitionParser {

    private static final Set<String> TOP_FIELDS =
            Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
    private static final Set<String> JSONATA_FIELDS =
            Set.of("Arguments", "Output", "Assign", "Items", "Condition");
    private static final long MAX_SECONDS = 99_999_999L;

    private final Set<String> stateNames = new HashSet<>();

    private DefinitionParser() {
    }

    public static Definition parse(String json) {
        JsonNode tree;
        try {
            tree = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new AslDefinitionException("Definition is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        }
        return parse(tree);
    }

    public static Definition parse(JsonNode json) {
        return new DefinitionParser().definition(json);
    }

    private Definition definition(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new AslDefinitionException("Definition must be a JSON object");
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!TOP_FIELDS.contains(name)) {
                throw new AslDefinitionException("Field \"" + name + "\": is not a top-level "
                        + "field of a state machine");
            }
        }
        checkQueryLanguage(json, "Field \"QueryLanguage\"");
        Long timeout = json.has("TimeoutSeconds")
                ? integer(json.get("TimeoutSeconds"), 1, MAX_SECONDS, "Field \"TimeoutSeconds\"")
                : null;
        return new Definition(json, branch(json, "Field \""), timeout);
    }

    private static void checkQueryLanguage(JsonNode json, String where) {
        JsonNode language = json.get("QueryLanguage");
        if (language == null || "JSONPath".equals(language.textValue())) {
            return;
        }
        if ("JSONata".equals(language.textValue())) {
            throw new AslDefinitionException(where + ": JSONata is not supported yet; use the "
                    + "JSONPath query language (omit QueryLanguage)");
        }
        throw new AslDefinitionException(where + ": must be \"JSONPath\" or \"JSONata\", was "
                + Json.write(language));
    }

    /**
     * Parses a StartAt/States pair. {@code prefix} starts messages about the pair itself, e.g.
     * {@code Field "} at the top or {@code State "P" field "Branches[0].} inside a Parallel.
     */
    private Branch branch(JsonNode json, String prefix) {
        JsonNode startAt = json.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            throw new AslDefinitionException(prefix + "StartAt\": is required and must be a "
                    + "state name");
        }
        JsonNode states = json.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            throw new AslDefinitionException(prefix + "States\": is required and must be an "
                    + "object with at least one state");
        }
        Map<String, StateDef> parsed = new LinkedHashMap<>();
        states.properties().forEach(e -> parsed.put(e.getKey(), state(e.getKey(),
                e.getValue())));
        if (!parsed.containsKey(startAt.textValue())) {
            throw new AslDefinitionException(prefix + "StartAt\": no state named \""
                    + startAt.textValue() + "\" in this States object");
        }
        checkTargets(parsed);
        checkReachable(startAt.textValue(), parsed);
        return new Branch(startAt.textValue(), parsed);
    }

    private static void checkTargets(Map<String, StateDef> states) {
        for (StateDef state : states.values()) {
            for (Map.Entry<String, String> target : targets(state).entrySet()) {
                if (!states.containsKey(target.getValue())) {
                    throw new AslDefinitionException(at(state.name(), target.getKey())
                            + "no state named \"" + target.getValue() + "\" in the same "
                            + "States object");
                }
            }
        }
    }

    /** Every transition of a state, keyed by the field that names it. */
    private static Map<String, String> targets(StateDef state) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (state.next() != null) {
            targets.put("Next", state.next());
        }
        for (int i = 0; i < state.catchers().size(); i++) {
            targets.put("Catch[" + i + "].Next", state.catchers().get(i).next());
        }
        if (state.type() == StateType.Choice) {
            JsonNode choices = state.field("Choices");
            for (int i = 0; i < choices.size(); i++) {
                targets.put("Choices[" + i + "].Next", choices.get(i).get("Next").textValue());
            }
            if (state.has("Default")) {
                targets.put("Default", state.text("Default"));
            }
        }
        return targets;
    }

    private static void checkReachable(String startAt, Map<String, StateDef> states) {
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(startAt));
        while (!queue.isEmpty()) {
            String name = queue.pop();
            if (reached.add(name)) {
                queue.addAll(targets(states.get(name)).values());
            }
        }
        for (String name : states.keySet()) {
            if (!reached.contains(name)) {
                throw new AslDefinitionException("State \"" + name + "\": is not reachable from "
                        + "StartAt \"" + startAt + "\"");
            }
        }
    }

    private StateDef state(String name, JsonNode json) {
        if (!stateNames.add(name)) {
            throw new AslDefinitionException("State \"" + name + "\": the name is used twice; "
                    + "state names must be unique in the whole state machine");
        }
        if (name.isEmpty() || name.length() > 80) {
            throw new AslDefinitionException("State \"" + name + "\": a name must have 1 to 80 "
                    + "characters");
        }
        if (!json.isObject()) {
            throw new AslDefinitionException("State \"" + name + "\": must be a JSON object");
        }
        StateType type = type(name, json);
        checkFields(name, type, json);
        String next = transition(name, type, json);
        checkCommonPaths(name, json);
        List<Retrier> retry = json.has("Retry") ? retriers(name, json.get("Retry")) : List.of();
        List<Catcher> catchers = json.has("Catch") ? catchers(name, json.get("Catch")) : List.of();
        StateChecks.check(name, type, json);
        List<Branch> branches = type == StateType.Parallel ? branches(name, json) : List.of();
        Branch processor = type == StateType.Map ? processor(name, json) : null;
        return new StateDef(name, type, json, next, retry, catchers, branches, processor);
    }

    private static StateType type(String name, JsonNode json) {
        JsonNode type = json.get("Type");
        if (type == null || !type.isTextual()) {
            throw new AslDefinitionException(at(name, "Type") + "is required");
        }
        for (StateType candidate : StateType.values()) {
            if (candidate.name().equals(type.textValue())) {
                return candidate;
            }
        }
        throw new AslDefinitionException(at(name, "Type") + "must be one of Pass, Task, Choice, "
                + "Wait, Succeed, Fail, Parallel, Map, was \"" + type.textValue() + "\"");
    }

    private static void checkFields(String name, StateType type, JsonNode json) {
        checkQueryLanguage(json, field(name, "QueryLanguage"));
        Iterator<String> fields = json.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (JSONATA_FIELDS.contains(field)) {
                throw new AslDefinitionException(at(name, field) + "JSONata fields and "
                        + "variables are not supported yet");
            }
            if (type == StateType.Choice && (field.equals("End") || field.equals("Next"))) {
                throw new AslDefinitionException(at(name, field) + "a Choice state cannot have "
                        + "Next or End; its Choices and Default choose the next state");
            }
            if (!type.allows(field)) {
                throw new AslDefinitionException(at(name, field) + "is not a field of a "
                        + type + " state");
            }
        }
    }

    private static String transition(String name, StateType type, JsonNode json) {
        if (!type.needsTransition()) {
            return null;
        }
        JsonNode next = json.get("Next");
        JsonNode end = json.get("End");
        if (end != null && !(end.isBoolean() && end.booleanValue())) {
            throw new AslDefinitionException(at(name, "End") + "must be true when present, was "
                    + Json.write(end));
        }
        if ((next == null) == (end == null)) {
            throw new AslDefinitionException("State \"" + name + "\": needs exactly one of "
                    + "\"Next\" and \"End\"");
        }
        if (next != null && !next.isTextual()) {
            throw new AslDefinitionException(at(name, "Next") + "must be a state name, was "
                    + Json.write(next));
        }
        return next == null ? null : next.textValue();
    }

    private static void checkCommonPaths(String name, JsonNode json) {
        for (String field : List.of("InputPath", "OutputPath")) {
            JsonNode path = json.get(field);
            if (path != null && !path.isNull()) {
                StateChecks.path(name, field, path);
            }
        }
        JsonNode resultPath = json.get("ResultPath");
        if (resultPath != null && !resultPath.isNull()) {
            StateChecks.referencePath(name, "ResultPath", resultPath);
        }
        for (String field : List.of("Parameters", "ResultSelector", "ItemSelector")) {
            JsonNode template = json.get(field);
            if (template != null) {
                StateChecks.template(name, field, template);
            }
        }
    }

    private static List<Retrier> retriers(String name, JsonNode retry) {
        if (!retry.isArray()) {
            throw new AslDefinitionException(at(name, "Retry") + "must be an array");
        }
        List<Retrier> out = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            out.add(retrier(name, "Retry[" + i + "]", retry.get(i), i == retry.size() - 1));
        }
        return out;
    }

    private static Retrier retrier(String name, String where, JsonNode json, boolean last) {
        StateChecks.onlyFields(name, where, json, Set.of("ErrorEquals", "IntervalSeconds",
                "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"));
        List<String> errors = errorEquals(name, where, json, last);
        long interval = json.has("IntervalSeconds") ? integer(json.get("IntervalSeconds"), 1,
                MAX_SECONDS, field(name, where + ".IntervalSeconds")) : 1;
        long attempts = json.has("MaxAttempts") ? integer(json.get("MaxAttempts"), 0,
                MAX_SECONDS, field(name, where + ".MaxAttempts")) : 3;
        BigDecimal rate = json.has("BackoffRate")
                ? backoffRate(name, where, json.get("BackoffRate")) : BigDecimal.valueOf(2);
        Long maxDelay = json.has("MaxDelaySeconds") ? integer(json.get("MaxDelaySeconds"), 1,
                MAX_SECONDS, field(name, where + ".MaxDelaySeconds")) : null;
        return new Retrier(errors, interval, attempts, rate, maxDelay, jitter(name, where, json));
    }

    private static BigDecimal backoffRate(String name, String where, JsonNode rate) {
        if (!rate.isNumber()) {
            throw new AslDefinitionException(at(name, where + ".BackoffRate")
                    + "must be a number, was " + Json.write(rate));
        }
        if (rate.decimalValue().compareTo(BigDecimal.ONE) < 0) {
            throw new AslDefinitionException(at(name, where + ".BackoffRate")
                    + "must be at least 1.0, was " + rate.decimalValue().toPlainString());
        }
        return rate.decimalValue();
    }

    private static boolean jitter(String name, String where, JsonNode json) {
        JsonNode jitter = json.get("JitterStrategy");
        if (jitter == null || "NONE".equals(jitter.textValue())) {
            return false;
        }
        if ("FULL".equals(jitter.textValue())) {
            return true;
        }
        throw new AslDefinitionException(at(name, where + ".JitterStrategy")
                + "must be \"FULL\" or \"NONE\", was " + Json.write(jitter));
    }

    private static List<Catcher> catchers(String name, JsonNode catches) {
        if (!catches.isArray()) {
            throw new AslDefinitionException(at(name, "Catch") + "must be an array");
        }
        List<Catcher> out = new ArrayList<>();
        for (int i = 0; i < catches.size(); i++) {
            String where = "Catch[" + i + "]";
            JsonNode json = catches.get(i);
            StateChecks.onlyFields(name, where, json,
                    Set.of("ErrorEquals", "Next", "ResultPath", "Comment"));
            List<String> errors = errorEquals(name, where, json, i == catches.size() - 1);
            JsonNode next = json.get("Next");
            if (next == null || !next.isTextual()) {
                throw new AslDefinitionException(at(name, where + ".Next") + "is required and "
                        + "must be a state name");
            }
            out.add(new Catcher(errors, next.textValue(), catcherResultPath(name, where, json)));
        }
        return out;
    }

    private static String catcherResultPath(String name, String where, JsonNode json) {
        JsonNode path = json.get("ResultPath");
        if (path == null) {
            return "$";
        }
        if (path.isNull()) {
            return null;
        }
        StateChecks.referencePath(name, where + ".ResultPath", path);
        return path.textValue();
    }

    private static List<String> errorEquals(String name, String where, JsonNode json,
            boolean last) {
        JsonNode errors = json.get("ErrorEquals");
        String field = where + ".ErrorEquals";
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            throw new AslDefinitionException(at(name, field) + "is required and must be a "
                    + "non-empty array of error names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode error : errors) {
            if (!error.isTextual()) {
                throw new AslDefinitionException(at(name, field) + "must contain only strings, "
                        + "had " + Json.write(error));
            }
            out.add(error.textValue());
        }
        if (out.contains(StatesError.ALL) && out.size() > 1) {
            throw new AslDefinitionException(at(name, field) + "\"States.ALL\" must appear "
                    + "alone, was " + Json.write(errors));
        }
        if (out.contains(StatesError.ALL) && !last) {
            throw new AslDefinitionException(at(name, field) + "\"States.ALL\" may only "
                    + "appear in the last " + (where.startsWith("Retry") ? "retrier" : "catcher"));
        }
        return out;
    }

    private List<Branch> branches(String name, JsonNode json) {
        JsonNode branches = json.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw new AslDefinitionException(at(name, "Branches") + "is required and must be a "
                    + "non-empty array");
        }
        List<Branch> out = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            String prefix = "State \"" + name + "\" field \"Branches[" + i + "].";
            out.add(nestedBranch(branches.get(i), prefix, name, "Branches[" + i + "]"));
        }
        return out;
    }

    private Branch processor(String name, JsonNode json) {
        String field = json.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (json.has("ItemProcessor") == json.has("Iterator")) {
            throw new AslDefinitionException("State \"" + name + "\": needs exactly one of "
                    + "\"ItemProcessor\" and \"Iterator\"");
        }
        return nestedBranch(json.get(field), "State \"" + name + "\" field \"" + field + ".",
                name, field);
    }

    private Branch nestedBranch(JsonNode json, String prefix, String name, String field) {
        if (!json.isObject()) {
            throw new AslDefinitionException(at(name, field) + "must be an object with StartAt "
                    + "and States");
        }
        StateChecks.onlyFields(name, field, json,
                Set.of("StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"));
        checkQueryLanguage(json, "State \"" + name + "\" field \"" + field + ".QueryLanguage\"");
        return branch(json, prefix);
    }

    static long integer(JsonNode value, long min, long max, String where) {
        if (value == null || !Json.isIntegral(value)) {
            throw new AslDefinitionException(where + ": must be an integer, was "
                    + (value == null ? "missing" : Json.write(value)));
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0
                || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new AslDefinitionException(where + ": must be between " + min + " and " + max
                    + ", was " + number.toPlainString());
        }
        return number.longValue();
    }

    /** {@code State "X" field "F": } */
    static String at(String state, String field) {
        return field(state, field) + ": ";
    }

    /** {@code State "X" field "F"} */
    static String field(String state, String field) {
        return "State \"" + state + "\" field \"" + field + "\"";
    }
}
