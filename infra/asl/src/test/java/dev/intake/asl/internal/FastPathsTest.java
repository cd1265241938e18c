package dev.intake.asl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shortcuts taken for speed give exactly what the general code gives. */
class FastPathsTest {

    private static final String DOCUMENT = """
            {"a": {"b": [10, {"c": "x"}], "d e": null, "f.g": 1.50}, "n": 7,
             "s": "\\u0001é\\"😀"}
            """;

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Nested
    class PathReads {

        @ParameterizedTest
        @ValueSource(strings = {"$", "$.a", "$.a.b", "$.a.b[0]", "$.a.b[1].c", "$['a']['d e']",
                "$.a['f.g']", "$.n", "$.s", "$.a.b[*]", "$..c"})
        void walk_to_what_jayway_finds(String path) {
            JsonNode document = json(DOCUMENT);
            Configuration jackson = Configuration.builder()
                    .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER)).build();

            Object expected = JsonPath.using(jackson).parse(document).read(path);

            assertThat(Paths.read(path, document)).isEqualTo(Json.toNode(expected));
        }

        @Test
        void leave_a_missing_field_to_jayway_and_its_message() {
            assertThatThrownBy(() -> Paths.read("$.a.x", json(DOCUMENT)))
                    .isInstanceOf(StatesError.class)
                    .hasMessageContaining(
                            "Invalid path '$.a.x' : No results for path: $['a']['x']");
        }

        @Test
        void leave_an_index_past_the_end_to_jayway_which_finds_null() {
            assertThat(Paths.read("$.a.b[5]", json(DOCUMENT))).isEqualTo(json("null"));
        }
    }

    @Nested
    class SizeBound {

        @ParameterizedTest
        @ValueSource(strings = {"{}", "[]", "null", "true", "-2147483648", "1.5e300",
                "123456789012345678901234567890", "\"\\u0000\\n\\\"\\\\é😀\"",
                "{\"\\u0001k\": [1, 2.50, {\"x\": null}], \"é\": \"\\t\"}"})
        void is_never_below_the_exact_size(String text) {
            JsonNode node = json(text);

            assertThat(Json.utf8SizeBound(node, Long.MAX_VALUE))
                    .isGreaterThanOrEqualTo(Json.utf8Size(node));
        }

        @Test
        void stops_counting_once_over_enough() {
            JsonNode big = json("[\"" + "x".repeat(100) + "\", \"" + "y".repeat(100) + "\"]");

            assertThat(Json.utf8SizeBound(big, 10)).isEqualTo(2 + 2 + 602);
        }
    }

    @Nested
    class EnteredTime {

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z",
                "1999-12-31T09:05:07.010Z", "2030-07-04T12:00:00.000999999Z",
                "0999-01-01T00:00:00Z", "+10000-01-01T00:00:00.5Z"})
        void is_written_as_the_iso_millis_formatter_writes_it(String instant) {
            Instant time = Instant.parse(instant);

            assertThat(Run.isoMillis(time)).isEqualTo(Run.ISO_MILLIS.format(time));
        }
    }
}
