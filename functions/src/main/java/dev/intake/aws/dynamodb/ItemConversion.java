package dev.intake.aws.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns normalised record values into DynamoDB attribute values, and measures an item the way
 * DynamoDB counts it against the 400 KB limit.
 */
final class ItemConversion {

    /** DynamoDB's item size limit: 400 KB, counted in 1,024-byte kilobytes. */
    static final long MAX_ITEM_BYTES = 400L * 1024;

    private ItemConversion() {}

    /**
     * Numbers become N with their exact decimal text (a BigDecimal's plain string, never through
     * a double), so that 13.2 is stored as 13.2.
     */
    static AttributeValue toAttribute(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof String text) {
            return AttributeValue.fromS(text);
        }
        if (value instanceof Boolean flag) {
            return AttributeValue.fromBool(flag);
        }
        if (value instanceof Number number) {
            return AttributeValue.fromN(exactText(number));
        }
        if (value instanceof TemporalAccessor) {
            return AttributeValue.fromS(value.toString());
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(ItemConversion::toAttribute).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), toAttribute(v)));
            return AttributeValue.fromM(fields);
        }
        return AttributeValue.fromS(value.toString());
    }

    static String exactText(Number number) {
        BigDecimal decimal = number instanceof BigDecimal exact
                ? exact
                : new BigDecimal(number.toString());
        return decimal.toPlainString();
    }

    /** Size as DynamoDB counts it: names and values in UTF-8, numbers by significant digits. */
    static long size(Map<String, AttributeValue> item) {
        long total = 0;
        for (var entry : item.entrySet()) {
            total += utf8(entry.getKey()) + size(entry.getValue());
        }
        return total;
    }

    private static long size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> numberSize(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
            case M -> 3 + value.m().entrySet().stream()
                    .mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            default -> utf8(value.toString());
        };
    }

    /** One byte per two significant digits, plus one. */
    private static long numberSize(String number) {
        String digits = new BigDecimal(number).unscaledValue().abs().toString();
        String significant = digits.replaceFirst("0+$", "");
        return (Math.max(significant.length(), 1) + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
