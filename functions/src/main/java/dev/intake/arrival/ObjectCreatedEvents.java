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
 * ({@code detail.bucket.name}, {@code detail.object.key}). Both carry the key form-encoded (a
 * space as {@code +}, other bytes as {@code %XX} of UTF-8); it is decoded exactly once.
 */
public final class ObjectCreatedEvents {

    private ObjectCreatedEvents() {
    }

    public static List<SourceObject> objects(JsonNode event) {
        if (event != null && event.path("Records").isArray()) {
            return fromNotification(event.get("Records"));
        }
        if (event != null && event.path("detail").path("object").isObject()) {
            return List.of(fromEventBridge(event));
        }
        throw new UnrecognisedEventException("Unrecognised event: expected an S3 notification"
                + " (Records[].s3.object.key) or an EventBridge Object Created event"
                + " (detail.bucket.name, detail.object.key), got "
                + (event == null || !event.isObject() ? "a non-object" : "fields "
                        + fieldNames(event)));
    }

    private static List<SourceObject> fromNotification(JsonNode records) {
        List<SourceObject> objects = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode s3 = records.get(i).path("s3");
            String where = "Records[" + i + "].s3";
            JsonNode object = s3.path("object");
            objects.add(new SourceObject(
                    required(s3.path("bucket").path("name"), where + ".bucket.name"),
                    decodeKey(required(object.path("key"), where + ".object.key")),
                    optional(object.path("versionId")),
                    optional(object.path("eTag")),
                    object.path("size").asLong(0)));
        }
        return objects;
    }

    private static SourceObject fromEventBridge(JsonNode event) {
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
            throw new UnrecognisedEventException("Unrecognised event: " + path
                    + " is missing or not a string");
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
