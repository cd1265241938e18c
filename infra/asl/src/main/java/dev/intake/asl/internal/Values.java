package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** JSON value comparisons that treat numbers by value, so {@code 1} equals {@code 1.0}. */
public final class Values {

    private Values() {
    }

    public static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            return arraysEqual(a, b);
        }
        if (a.isObject() && b.isObject()) {
            return objectsEqual(a, b);
        }
        return a.equals(b);
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!jsonEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = a.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode other = b.get(field.getKey());
            if (other == null || !jsonEquals(field.getValue(), other)) {
                return false;
            }
        }
        return true;
    }
}
