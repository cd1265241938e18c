package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Paths with Jayway JsonPath and writes Reference Paths (ResultPath). A definite path that
 * finds nothing is a {@code States.Runtime} error carrying Jayway's message; an indefinite path
 * (wildcard, slice, filter, union) yields the array of what it found, possibly empty.
 */
public final class Paths {

    private static final Configuration STRICT = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();
    private static final Configuration LENIENT = STRICT.addOptions(Option.SUPPRESS_EXCEPTIONS);
    /** Paths come from definitions, so this cache stays as small as the definitions are. */
    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private Paths() {
    }

    /** Throws {@link InvalidPathException} when {@code path} is no JsonPath. */
    public static void check(String path) {
        String own = path.startsWith("$$") ? path.substring(1) : path;
        if (!own.startsWith("$")) {
            throw new InvalidPathException("must start with '$', was '" + path + "'");
        }
        JsonPath.compile(own);
    }

    /** True for a path with wildcards, slices, filters or unions, which yields an array. */
    public static boolean isIndefinite(String path) {
        String own = path.startsWith("$$") ? path.substring(1) : path;
        return !JsonPath.compile(own).isDefinite();
    }

    /**
     * Reads {@code path} from {@code input}, or from {@code context} when it starts with
     * {@code $$}.
     */
    public static JsonNode read(String path, JsonNode input, JsonNode context) {
        if (path.startsWith("$$")) {
            return read(path.substring(1), context);
        }
        return read(path, input);
    }

    public static JsonNode read(String path, JsonNode document) {
        JsonPath compiled;
        try {
            compiled = COMPILED.computeIfAbsent(path, JsonPath::compile);
        } catch (InvalidPathException e) {
            throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
        }
        if (compiled.isDefinite()) {
            return readDefinite(path, compiled, document);
        }
        Object found = JsonPath.using(LENIENT).parse(document).read(compiled);
        return found == null ? Json.array() : Json.toNode(found);
    }

    private static JsonNode readDefinite(String path, JsonPath compiled, JsonNode document) {
        try {
            Object found = JsonPath.using(STRICT).parse(document).read(compiled);
            return Json.toNode(found);
        } catch (JsonPathException e) {
            throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    /**
     * Places {@code result} into a copy of {@code rawInput} at reference path {@code path},
     * creating missing objects on the way; {@code $} replaces the whole input.
     */
    public static JsonNode put(String path, JsonNode rawInput, JsonNode result) {
        List<Object> steps = referenceSteps(path);
        if (steps.isEmpty()) {
            return result;
        }
        JsonNode root = rawInput.deepCopy();
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = child(parent, steps.get(i), path);
        }
        set(parent, steps.get(steps.size() - 1), result, path);
        return root;
    }

    private static JsonNode child(JsonNode parent, Object step, String path) {
        if (step instanceof String field) {
            ObjectNode object = requireObject(parent, path);
            JsonNode existing = object.get(field);
            if (existing == null || existing.isNull()) {
                return object.putObject(field);
            }
            return existing;
        }
        ArrayNode array = requireArray(parent, (Integer) step, path);
        return array.get((Integer) step);
    }

    private static void set(JsonNode parent, Object step, JsonNode value, String path) {
        if (step instanceof String field) {
            requireObject(parent, path).set(field, value);
        } else {
            requireArray(parent, (Integer) step, path).set((Integer) step, value);
        }
    }

    private static ObjectNode requireObject(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new StatesError(StatesError.RESULT_PATH, "Unable to apply ResultPath '" + path
                + "' to input " + abbreviated(node) + ": it is not a JSON object");
    }

    private static ArrayNode requireArray(JsonNode node, int index, String path) {
        if (node instanceof ArrayNode array && index < array.size()) {
            return array;
        }
        throw new StatesError(StatesError.RESULT_PATH, "Unable to apply ResultPath '" + path
                + "' to input " + abbreviated(node) + ": no array element " + index);
    }

    private static String abbreviated(JsonNode node) {
        String text = Json.write(node);
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    /**
     * The steps of a Reference Path: field names as strings and array indexes as integers.
     *
     * @throws IllegalArgumentException naming what is wrong with the path
     */
    public static List<Object> referenceSteps(String path) {
        if (path.startsWith("$$")) {
            throw new IllegalArgumentException("must not start with '$$' (the context object is "
                    + "read-only), was '" + path + "'");
        }
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("must start with '$', was '" + path + "'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            i = nextStep(path, i, steps);
        }
        return steps;
    }

    private static int nextStep(String path, int i, List<Object> steps) {
        char c = path.charAt(i);
        if (c == '.') {
            int end = i + 1;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            String name = path.substring(i + 1, end);
            if (name.isEmpty() || name.equals("*") || name.equals(".")) {
                throw notReference(path);
            }
            steps.add(name);
            return end;
        }
        if (c == '[') {
            int close = path.indexOf(']', i);
            if (close < 0) {
                throw notReference(path);
            }
            steps.add(bracket(path, path.substring(i + 1, close)));
            return close + 1;
        }
        throw notReference(path);
    }

    private static Object bracket(String path, String inside) {
        if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
            return inside.substring(1, inside.length() - 1);
        }
        if (inside.matches("[0-9]+")) {
            return Integer.valueOf(inside);
        }
        throw notReference(path);
    }

    private static IllegalArgumentException notReference(String path) {
        return new IllegalArgumentException("must be a reference path (only '.name', "
                + "['name'] and [index] steps), was '" + path + "'");
    }
}
