package dev.intake.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.port.ObjectStore.ObjectInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The EventBridge "Object Created" event S3 sends when an object lands, as the rule under
 * {@code incoming/} delivers it. The key is form-encoded as S3 writes it (a space as {@code +},
 * other bytes as {@code %XX}), so the arrival handler decodes a local upload as it decodes a real
 * one.
 */
final class ObjectCreatedEvent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ObjectCreatedEvent() {}

    static byte[] of(ObjectInfo object, Instant at) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.nameUUIDFromBytes((object.key() + object.version()).getBytes(
                StandardCharsets.UTF_8)).toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", LocalAws.ACCOUNT);
        event.put("time", at.toString());
        event.put("region", LocalAws.REGION);
        event.putArray("resources").add("arn:aws:s3:::" + object.bucket());
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", object.bucket());
        ObjectNode created = detail.putObject("object");
        created.put("key", formEncode(object.key()));
        created.put("size", object.size());
        created.put("etag", object.etag());
        if (object.version() != null) {
            created.put("version-id", object.version());
        }
        created.put("sequencer", Long.toHexString(at.toEpochMilli()).toUpperCase());
        detail.put("request-id", "local");
        detail.put("requester", LocalAws.ACCOUNT);
        detail.put("reason", "PutObject");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Encodes each segment of the key and keeps the slashes, as S3 event keys read. */
    static String formEncode(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }
}
