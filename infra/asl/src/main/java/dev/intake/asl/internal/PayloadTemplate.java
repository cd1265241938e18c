package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Payload templates (Parameters, ResultSelector, ItemSelector): a field named {@code key.$} becomes
 * {@code key} with the value of a path on the input ({@code $…}), on the context object
 * ({@code $$…}) or of an intrinsic function; every other value is copied, objects and arrays
 * recursively.
 */
public final class PayloadTemplate {

    private static final String SUFFIX = ".$";

    private PayloadTemplate() {
    }

    /**
     * Checks a template before it runs.
     *
     * @throws IllegalArgumentException naming the field (e.g. {@code "a.b.$"}) and the problem
     */
    public static void check(JsonNode template, String where) {
        if (template.isObject()) {
            checkObject(template, where);
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                check(template.get(i), where + "[" + i + "]");
            }
        }
    }

    private static void checkObject(JsonNode template, String where) {
        Set<String> names = new HashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = template.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String at = where.isEmpty() ? key : where + "." + key;
            String name = key.endsWith(SUFFIX) ? key.substring(0, key.length() - 2) : key;
            if (!names.add(name)) {
                throw new IllegalArgumentException("field \"" + at + "\": duplicates the field \""
                        + name + "\" once \".$\" is removed");
            }
            if (key.endsWith(SUFFIX)) {
                checkDynamic(field.getValue(), at);
            } else {
                check(field.getValue(), at);
            }
        }
    }

    private static void checkDynamic(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field \"" + at + "\": a key ending in \".$\" "
                    + "needs a path or intrinsic function string, was " + Json.write(value));
        }
        String expression = value.textValue();
        try {
            if (expression.startsWith("$")) {
                Paths.check(expression);
            } else {
                Intrinsics.check(IntrinsicParser.parse(expression));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field \"" + at + "\": " + e.getMessage(), e);
        }
    }

    /** Evaluates {@code template} against the effective input and the context object. */
    public static JsonNode evaluate(JsonNode template, JsonNode input, JsonNode context,
            Random random) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = template.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                put(out, field, input, context, random);
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.array();
            template.forEach(item -> out.add(evaluate(item, input, context, random)));
            return out;
        }
        return template;
    }

    private static void put(ObjectNode out, Map.Entry<String, JsonNode> field, JsonNode input,
            JsonNode context, Random random) {
        String key = field.getKey();
        if (!key.endsWith(SUFFIX)) {
            out.set(key, evaluate(field.getValue(), input, context, random));
            return;
        }
        String expression = field.getValue().textValue();
        String name = key.substring(0, key.length() - SUFFIX.length());
        if (expression.startsWith("$")) {
            out.set(name, Paths.read(expression, input, context));
        } else {
            out.set(name, new Intrinsics(input, context, random)
                    .evaluate(IntrinsicParser.parse(expression)));
        }
    }
}
