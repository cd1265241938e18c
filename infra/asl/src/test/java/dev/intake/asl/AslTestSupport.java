package dev.intake.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Shared helpers: JSON literals, a fixed start instant, an in-memory object store. */
final class AslTestSupport {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature
                    .USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature
                    .STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private AslTestSupport() {
    }

    /** Parses JSON written with single quotes for readability. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    /** Parses a definition written with single quotes for readability. */
    static StateMachine machine(String definition) {
        return StateMachine.parse(definition.replace('\'', '"'));
    }

    static Interpreter.Builder virtual() {
        return Interpreter.builder().clock(new VirtualClock(START));
    }

    static ExecutionOptions options() {
        return ExecutionOptions.named("exec-1");
    }

    static List<String> types(ExecutionResult result) {
        return result.history().stream().map(e -> e.type().name()).toList();
    }

    /** A map-backed object store. */
    static final class MemoryObjects implements AslObjectStore {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            return Optional.ofNullable(objects.get(bucket + "/" + key));
        }

        @Override
        public void put(String bucket, String key, byte[] bytes) {
            objects.put(bucket + "/" + key, bytes.clone());
        }

        String text(String bucket, String key) {
            return new String(objects.get(bucket + "/" + key),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
