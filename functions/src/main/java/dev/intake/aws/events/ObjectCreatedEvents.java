package dev.intake.aws.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.aws.events.ObjectArrival.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the two event shapes that announce a new object: the S3 notification ({@code Records[]},
 * {@code s3.object.key}) and EventBridge's "Object Created" ({@code detail.object.key}).
 *
 * <p>Both carry the key form-encoded: a space as {@code +}, any other reserved byte as {@code %XX}
 * of its UTF-8. The key is decoded here, exactly once, as Powertools does; nothing downstream may
 * decode it again (a literal {@code +} arrives as {@code %2B} and must stay a plus).
 */
public final class ObjectCreatedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> internalPrefixes;

    /** @param internalPrefixes key prefixes of the objects Intake writes itself */
    public ObjectCreatedEvents(List<String> internalPrefixes) {
        this.internalPrefixes = List.copyOf(internalPrefixes);
    }

    /** The arrivals the event announces, in the order it lists them. */
    public List<ObjectArrival> parse(Map<String, ?> event) {
        JsonNode tree = JSON.valueToTree(event);
        return parse(tree);
    }

    public List<ObjectArrival> parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnrecognisedEventException("the event is not a JSON object: " + event);
        }
        if (event.has("Records")) {
            return fromNotification(event.get("Records"));
        }
        if (event.has("detail") && event.has("detail-type")) {
            return List.of(fromEventBridge(event));
        }
        throw new UnrecognisedEventException("the event has neither Records (S3 notification) nor "
                + "detail and detail-type (EventBridge); its fields are " + fieldNames(event));
    }

    private List<ObjectArrival> fromNotification(JsonNode records) {
        if (!records.isArray()) {
            throw new UnrecognisedEventException("Records is not an array: " + records);
        }
        List<ObjectArrival> arrivals = new ArrayList<>();
        for (JsonNode record : records) {
            String eventName = text(record, "eventName", "Records[].eventName");
            if (!eventName.startsWith("ObjectCreated:")) {
                throw new UnrecognisedEventException("Records[] holds a " + eventName
                        + " event; only ObjectCreated events start runs");
            }
            JsonNode s3 = required(record, "s3", "Records[].s3");
            JsonNode object = required(s3, "object", "Records[].s3.object");
            arrivals.add(arrival(
                    text(required(s3, "bucket", "Records[].s3.bucket"), "name",
                            "Records[].s3.bucket.name"),
                    text(object, "key", "Records[].s3.object.key"),
                    optionalText(object, "versionId"),
                    optionalText(object, "eTag"),
                    object.path("size").asLong(0)));
        }
        return arrivals;
    }

    private ObjectArrival fromEventBridge(JsonNode event) {
        String detailType = event.get("detail-type").asText();
        if (!"Object Created".equals(detailType)) {
            throw new UnrecognisedEventException("EventBridge event of type '" + detailType
                    + "'; only 'Object Created' starts runs");
        }
        JsonNode detail = event.get("detail");
        JsonNode object = required(detail, "object", "detail.object");
        return arrival(
                text(required(detail, "bucket", "detail.bucket"), "name", "detail.bucket.name"),
                text(object, "key", "detail.object.key"),
                optionalText(object, "version-id"),
                optionalText(object, "etag"),
                object.path("size").asLong(0));
    }

    private ObjectArrival arrival(String bucket, String encodedKey, String version, String etag,
                                  long size) {
        String key = decode(encodedKey);
        return new ObjectArrival(bucket, key, version, etag, size, kindOf(key, size));
    }

    private Kind kindOf(String key, long size) {
        if (internalPrefixes.stream().anyMatch(key::startsWith)) {
            return Kind.INTERNAL_OBJECT;
        }
        if (key.endsWith("/")) {
            return Kind.FOLDER_MARKER;
        }
        return size == 0 ? Kind.EMPTY_FILE : Kind.FILE;
    }

    /** Form decoding: {@code +} is a space, {@code %XX} a UTF-8 byte. */
    static String decode(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnrecognisedEventException("object key '" + encodedKey
                    + "' is not form-encoded as S3 encodes keys in events: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new UnrecognisedEventException("the event has no " + path);
        }
        return value;
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode value = required(parent, field, path);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new UnrecognisedEventException(path + " is not a non-empty string: " + value);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static List<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
