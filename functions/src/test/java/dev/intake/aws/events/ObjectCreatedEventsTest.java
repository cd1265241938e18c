package dev.intake.aws.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.aws.events.ObjectArrival.Kind;
import dev.intake.run.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ObjectCreatedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE_EVENTS = Path.of("..", "infra", "events");
    private static final String BUCKET = "intake-files-123456789012";

    private final ObjectCreatedEvents events =
            new ObjectCreatedEvents(List.of("failed-records/", "staging/"));

    @Nested
    class BothShapes {

        /** R1 and R3: EventBridge's shape; a space arrives as + and is decoded once. */
        @Test
        void an_eventbridge_object_created_event_gives_the_decoded_key() {
            List<ObjectArrival> arrivals = events.parse(sample("arrival-eventbridge.json"));

            assertThat(arrivals).containsExactly(new ObjectArrival(BUCKET,
                    "incoming/store-locations/folder a/Q1 data.csv",
                    "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", "b1946ac92492d2347c6235b4d2611184",
                    5120, Kind.FILE));
        }

        /** R2 and R3: the notification's shape; a literal + arrives as %2B and stays a plus. */
        @Test
        void an_s3_notification_gives_the_decoded_key_with_its_plus_kept() {
            List<ObjectArrival> arrivals = events.parse(sample("arrival-s3-notification.json"));

            assertThat(arrivals).containsExactly(new ObjectArrival(BUCKET,
                    "incoming/store-locations/a+b file.csv",
                    "096fKKXTRTtl3on89fVO.nfljtsv6qko", "5d41402abc4b2a76b9719d911017c592-3",
                    20971520, Kind.FILE));
        }

        @Test
        void a_map_parsed_by_the_lambda_runtime_reads_like_the_json() {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = JSON.convertValue(
                    sample("arrival-eventbridge.json"), Map.class);

            assertThat(events.parse(event)).isEqualTo(events.parse(sample("arrival-eventbridge.json")));
        }

        @Test
        void utf8_escapes_are_decoded_to_characters() {
            List<ObjectArrival> arrivals = events.parse(resource("internal-objects.json"));

            assertThat(arrivals.get(2).key()).isEqualTo("incoming/store-locations/café & bar.csv");
        }

        @Test
        void the_run_source_uses_the_version_or_else_the_etag() {
            ObjectArrival versioned = events.parse(sample("arrival-eventbridge.json")).get(0);
            ObjectArrival unversioned = new ObjectArrival(BUCKET, "k.csv", null, "abc", 3,
                    Kind.FILE);

            assertThat(versioned.toSource()).isEqualTo(new SourceObject(BUCKET,
                    "incoming/store-locations/folder a/Q1 data.csv",
                    "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", "b1946ac92492d2347c6235b4d2611184", 5120));
            assertThat(unversioned.toSource().version()).isEqualTo("abc");
        }
    }

    @Nested
    class KindsOfArrival {

        /** R5: the console's "create folder" writes a zero-byte key ending in /. */
        @Test
        void a_folder_marker_starts_no_run() {
            ObjectArrival marker = events.parse(resource("folder-marker.json")).get(0);

            assertThat(marker.key()).isEqualTo("incoming/store-locations/new folder/");
            assertThat(marker.kind()).isEqualTo(Kind.FOLDER_MARKER);
            assertThat(marker.startsRun()).isFalse();
        }

        /** R5: a zero-byte file starts a run that fails with "empty file". */
        @Test
        void a_zero_byte_file_is_flagged_empty() {
            ObjectArrival empty = events.parse(resource("empty-file.json")).get(0);

            assertThat(empty.kind()).isEqualTo(Kind.EMPTY_FILE);
            assertThat(empty.startsRun()).isTrue();
        }

        /** R6: what Intake writes itself never triggers a run, even under a watched prefix. */
        @Test
        void failed_records_and_staging_objects_are_not_arrivals() {
            List<ObjectArrival> arrivals = events.parse(resource("internal-objects.json"));

            assertThat(arrivals).extracting(ObjectArrival::kind).containsExactly(
                    Kind.INTERNAL_OBJECT, Kind.INTERNAL_OBJECT, Kind.FILE);
            assertThat(arrivals).filteredOn(ObjectArrival::startsRun).hasSize(1);
        }
    }

    @Nested
    class RefusedEvents {

        /** R3: an unknown shape fails with a reason, never a NullPointerException. */
        @Test
        void an_unknown_shape_fails_naming_its_fields() {
            assertThatThrownBy(() -> events.parse(resource("unknown-shape.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("the event has neither Records (S3 notification) nor detail and "
                            + "detail-type (EventBridge); its fields are [bucket, key]");
        }

        @Test
        void an_eventbridge_event_without_a_key_fails_naming_the_path() {
            assertThatThrownBy(() -> events.parse(resource("eventbridge-without-key.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("the event has no detail.object.key");
        }

        @Test
        void another_eventbridge_type_fails() {
            assertThatThrownBy(() -> events.parse(resource("eventbridge-object-deleted.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("EventBridge event of type 'Object Deleted'; only 'Object Created' "
                            + "starts runs");
        }

        @Test
        void a_removal_notification_fails() {
            assertThatThrownBy(() -> events.parse(resource("object-removed.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Records[] holds a ObjectRemoved:Delete event; only ObjectCreated "
                            + "events start runs");
        }

        @Test
        void a_key_with_a_broken_escape_fails_with_the_key() {
            assertThatThrownBy(() -> ObjectCreatedEvents.decode("incoming/100%.csv"))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessageStartingWith("object key 'incoming/100%.csv' is not form-encoded");
        }

        @Test
        void a_json_array_is_not_an_event() {
            assertThatThrownBy(() -> events.parse(JSON.readTree("[1]")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("the event is not a JSON object: [1]");
        }
    }

    private static JsonNode sample(String name) {
        try {
            return JSON.readTree(Files.readString(SAMPLE_EVENTS.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ObjectCreatedEventsTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
