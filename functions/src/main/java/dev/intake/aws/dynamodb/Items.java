package dev.intake.aws.dynamodb;

import dev.intake.run.StatusChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between item attributes and Java values, shared by the Intake stores. */
final class Items {

    /**
     * Fixed width (nine fraction digits), so that times sort as strings: {@code Instant.toString}
     * drops zero fractions and would put {@code 10:00:00.5Z} before {@code 10:00:00Z}.
     */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Items() {}

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue time(Instant at) {
        return s(sortable(at));
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    /** One status change as a map, so that list_append can add it in the same write. */
    static AttributeValue change(String status, Instant at, String cause) {
        var fields = new java.util.LinkedHashMap<String, AttributeValue>();
        fields.put("status", s(status));
        fields.put("at", time(at));
        if (cause != null) {
            fields.put("cause", s(cause));
        }
        return AttributeValue.fromM(fields);
    }

    static AttributeValue changeList(String status, Instant at, String cause) {
        return AttributeValue.fromL(List.of(change(status, at, cause)));
    }

    static List<StatusChange> history(Map<String, AttributeValue> item) {
        AttributeValue list = item.get("history");
        if (list == null) {
            return List.of();
        }
        return list.l().stream()
                .map(AttributeValue::m)
                .map(m -> new StatusChange(string(m, "status"), instant(m, "at"),
                        string(m, "cause")))
                .toList();
    }
}
