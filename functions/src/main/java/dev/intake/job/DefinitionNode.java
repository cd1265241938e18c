package dev.intake.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One object of a job definition being read, with its path ({@code schema.fields[2]}) so that
 * every problem names where it is. Problems are collected, never thrown, so that a person sees all
 * of them at once.
 */
final class DefinitionNode {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    DefinitionNode(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add((key == null ? path : pathOf(key)) + ": " + message);
    }

    boolean has(String key) {
        JsonNode child = node.get(key);
        return child != null && !child.isNull();
    }

    /** Reports every key not in {@code known}, so that a typo does not silently drop a setting. */
    void rejectUnknownKeys(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(name, "unknown setting; use one of " + String.join(", ", known));
            }
        }
    }

    /** The text of a scalar, or null (with a problem when {@code required}). */
    String text(String key, boolean required, String hint) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key, "missing; " + hint);
            }
            return null;
        }
        if (!child.isValueNode()) {
            problem(key, "expected a single value, found " + kind(child) + "; " + hint);
            return null;
        }
        return child.asText();
    }

    Boolean bool(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (child.isBoolean()) {
            return child.booleanValue();
        }
        problem(key, "expected true or false, found \"" + child.asText() + "\"");
        return null;
    }

    BigDecimal decimal(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (child.isNumber()) {
            return child.decimalValue();
        }
        try {
            return new BigDecimal(child.asText().trim());
        } catch (NumberFormatException e) {
            problem(key, "expected a number, found \"" + child.asText() + "\"");
            return null;
        }
    }

    Integer positiveInt(String key) {
        BigDecimal value = decimal(key);
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problem(key, "expected a whole number above 0, found " + value.toPlainString());
            return null;
        }
        return value.intValueExact();
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> texts(String key) {
        JsonNode child = node.get(key);
        List<String> result = new ArrayList<>();
        if (child == null || child.isNull()) {
            return null;
        }
        if (child.isValueNode()) {
            result.add(child.asText());
            return result;
        }
        if (!child.isArray()) {
            problem(key, "expected a list, found " + kind(child));
            return null;
        }
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (item.isValueNode() && !item.isNull()) {
                result.add(item.asText());
            } else {
                problems.add(pathOf(key) + "[" + i + "]: expected a single value, found "
                        + kind(item));
            }
        }
        return result;
    }

    /** A nested object, or null when absent; a problem when it is not an object. */
    DefinitionNode object(String key) {
        JsonNode child = node.get(key);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isObject()) {
            problem(key, "expected an object with settings, found " + kind(child));
            return null;
        }
        return new DefinitionNode(child, pathOf(key), problems);
    }

    /** The objects of a list, each with its indexed path. */
    List<DefinitionNode> objects(String key) {
        JsonNode child = node.get(key);
        List<DefinitionNode> result = new ArrayList<>();
        if (child == null || child.isNull()) {
            return result;
        }
        if (!child.isArray()) {
            problem(key, "expected a list, found " + kind(child));
            return result;
        }
        for (int i = 0; i < child.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            if (child.get(i).isObject()) {
                result.add(new DefinitionNode(child.get(i), itemPath, problems));
            } else {
                problems.add(itemPath + ": expected an object with settings, found "
                        + kind(child.get(i)));
            }
        }
        return result;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "nothing" : "\"" + node.asText() + "\"";
    }
}
