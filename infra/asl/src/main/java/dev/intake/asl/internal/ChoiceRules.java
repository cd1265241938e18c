package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Choice Rules: comparisons of a Variable with a literal or another path, type tests, and
 * And/Or/Not, which stop at the first rule that decides. A value of the wrong type makes a
 * comparison false; a Variable that is missing is a {@code States.Runtime} error, except for
 * {@code IsPresent}.
 */
public final class ChoiceRules {

    public static final Set<String> TYPE_TESTS =
            Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");
    private static final List<String> KINDS = List.of("String", "Numeric", "Boolean", "Timestamp");
    private static final List<String> RELATIONS = List.of("Equals", "LessThan", "GreaterThan",
            "LessThanEquals", "GreaterThanEquals");

    private final JsonNode input;
    private final JsonNode context;

    public ChoiceRules(JsonNode input, JsonNode context) {
        this.input = input;
        this.context = context;
    }

    /** True when {@code name} is a comparison operator, {@code *Path} forms included. */
    public static boolean isComparison(String name) {
        String base = name.endsWith("Path") ? name.substring(0, name.length() - 4) : name;
        if (base.equals("StringMatches")) {
            return !name.endsWith("Path");
        }
        for (String kind : KINDS) {
            for (String relation : RELATIONS) {
                if (base.equals(kind + relation)) {
                    return !kind.equals("Boolean") || relation.equals("Equals");
                }
            }
        }
        return false;
    }

    public boolean matches(JsonNode rule) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"));
        }
        return compare(rule);
    }

    private boolean compare(JsonNode rule) {
        String variable = rule.get("Variable").textValue();
        String operator = operator(rule);
        JsonNode operand = rule.get(operator);
        if (operator.equals("IsPresent")) {
            return present(variable) == operand.booleanValue();
        }
        JsonNode value = Paths.read(variable, input, context);
        if (TYPE_TESTS.contains(operator)) {
            return typeTest(operator, value) == operand.booleanValue();
        }
        if (operator.endsWith("Path")) {
            operand = Paths.read(operand.textValue(), input, context);
            operator = operator.substring(0, operator.length() - 4);
        }
        return relation(operator, value, operand);
    }

    /** The one operator field of a comparison rule. */
    public static String operator(JsonNode rule) {
        var names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (isComparison(name) || TYPE_TESTS.contains(name)) {
                return name;
            }
        }
        throw new IllegalStateException("validated rule without operator: " + rule);
    }

    private boolean present(String variable) {
        try {
            JsonNode found = Paths.read(variable, input, context);
            return !(Paths.isIndefinite(variable) && found.isEmpty());
        } catch (StatesError e) {
            return false;
        }
    }

    private static boolean typeTest(String operator, JsonNode value) {
        return switch (operator) {
            case "IsNull" -> value.isNull();
            case "IsNumeric" -> value.isNumber();
            case "IsString" -> value.isTextual();
            case "IsBoolean" -> value.isBoolean();
            case "IsTimestamp" -> value.isTextual() && Timestamps.parse(value.textValue())
                    .isPresent();
            default -> throw new IllegalStateException("not a type test: " + operator);
        };
    }

    private static boolean relation(String operator, JsonNode value, JsonNode operand) {
        if (operator.equals("StringMatches")) {
            return value.isTextual() && wildcard(operand.textValue()).matcher(value.textValue())
                    .matches();
        }
        if (operator.equals("BooleanEquals")) {
            return value.isBoolean() && operand.isBoolean()
                    && value.booleanValue() == operand.booleanValue();
        }
        Optional<Integer> order = order(operator, value, operand);
        if (order.isEmpty()) {
            return false;
        }
        int c = order.get();
        String relationName = operator.replaceFirst("^(String|Numeric|Timestamp)", "");
        return switch (relationName) {
            case "Equals" -> c == 0;
            case "LessThan" -> c < 0;
            case "GreaterThan" -> c > 0;
            case "LessThanEquals" -> c <= 0;
            case "GreaterThanEquals" -> c >= 0;
            default -> throw new IllegalStateException("unknown relation " + operator);
        };
    }

    private static Optional<Integer> order(String operator, JsonNode value, JsonNode operand) {
        if (operator.startsWith("String")) {
            return value.isTextual() && operand.isTextual()
                    ? Optional.of(value.textValue().compareTo(operand.textValue()))
                    : Optional.empty();
        }
        if (operator.startsWith("Numeric")) {
            return value.isNumber() && operand.isNumber()
                    ? Optional.of(value.decimalValue().compareTo(operand.decimalValue()))
                    : Optional.empty();
        }
        Optional<Instant> left = value.isTextual() ? Timestamps.parse(value.textValue())
                : Optional.empty();
        Optional<Instant> right = operand.isTextual() ? Timestamps.parse(operand.textValue())
                : Optional.empty();
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(left.get().compareTo(right.get()));
    }

    /**
     * The regular expression of a StringMatches pattern: {@code *} matches any text,
     * {@code \*} a star and {@code \\} a backslash.
     *
     * @throws IllegalArgumentException for any other backslash
     */
    public static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '\\') {
                char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : '\0';
                if (next != '*' && next != '\\') {
                    throw new IllegalArgumentException("StringMatches pattern '" + pattern
                            + "' has an open backslash at character " + (i + 1)
                            + "; only \\* and \\\\ are escapes");
                }
                regex.append(Pattern.quote(String.valueOf(next)));
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
