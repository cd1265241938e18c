package dev.intake.arrival;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.run.SourceObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the objects an "object created" event names. Two shapes arrive: the S3 notification
 * ({@code Records[].s3.bucket.name}, {@code .object.key}) and the EventBridge event
 * ({@code detail-type} "Object Created", {@code detail.bucket.name}, {@code detail.object.key}).
 * Both carry the key form-encoded (a space as {@code +}, other bytes as {@code %XX} of UTF-8);
 * it is decoded here exactly once, and nothing downstream may decode it again (a literal
 * {@code +} arrives as {@code %2B} and must stay a plus).
 *
 * <p>Any other event (a removal, another EventBridge type, S3's test event) is refused with what
 * was expected and what came: the Arrival function is subscribed to creations only, so another
 * event means a misconfigured rule or notification.
 */
public final class ObjectCreatedEvents {

    private static final String PREFIX = "Unrecognised event: ";

    private ObjectCreatedEvents() {
    }

    /** The objects the event names, in its order; folder markers and outputs included. */
    public static List<SourceObject> objects(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new UnrecognisedEventException(PREFIX + "expected a JSON object, got " + event);
        }
        if (event.has("Records")) {
            return fromNotification(event.get("Records"));
        }
        if (event.has("detail") && event.has("detail-type")) {
            return List.of(fromEventBridge(event));
        }
        throw new UnrecognisedEventException(PREFIX + "expected an S3 notification"
                + " (Records[].s3.object.key) or an EventBridge Object Created event"
                + " (detail.bucket.name, detail.object.key), got fields " + fieldNames(event));
    }

    private static List<SourceObject> fromNotification(JsonNode records) {
        if (!records.isArray()) {
            throw new UnrecognisedEventException(PREFIX + "Records is not an array: " + records);
        }
        List<SourceObject> objects = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String where = "Records[" + i + "]";
            JsonNode record = records.get(i);
            String eventName = required(record.path("eventName"), where + ".eventName");
            if (!eventName.startsWith("ObjectCreated:")) {
                throw new UnrecognisedEventException(PREFIX + where + " is a " + eventName
                        + " event; only ObjectCreated events start runs");
            }
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            objects.add(new SourceObject(
                    required(s3.path("bucket").path("name"), where + ".s3.bucket.name"),
                    decodeKey(required(object.path("key"), where + ".s3.object.key")),
                    optional(object.path("versionId")),
                    optional(object.path("eTag")),
                    object.path("size").asLong(0)));
        }
        return objects;
    }

    private static SourceObject fromEventBridge(JsonNode event) {
        String detailType = event.get("detail-type").asText();
        if (!"Object Created".equals(detailType)) {
            throw new UnrecognisedEventException(PREFIX + "an EventBridge event of type '"
                    + detailType + "'; only 'Object Created' starts runs");
        }
        JsonNode detail = event.path("detail");
        JsonNode object = detail.path("object");
        return new SourceObject(
                required(detail.path("bucket").path("name"), "detail.bucket.name"),
                decodeKey(required(object.path("key"), "detail.object.key")),
                optional(object.path("version-id")),
                optional(object.path("etag")),
                object.path("size").asLong(0));
    }

    /** Form decoding: {@code +} is a space, {@code %2B} a plus; applied once, never twice. */
    static String decodeKey(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnrecognisedEventException("Object key '" + encoded + "' in the event is"
                    + " not form-encoded as S3 writes keys: " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String path) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new UnrecognisedEventException(PREFIX + path + " is missing or not a string");
        }
        return node.asText();
    }

    private static String optional(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static List<String> fieldNames(JsonNode event) {
        List<String> names = new ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
