package dev.intake.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.run.SourceObject;
import dev.intake.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * R1-R3 here; what Arrival does with folder markers (R5) and Intake's own outputs (R6) is in
 * infra/local's ArrivalTest, and an empty file's run (R5) in its FailuresNotRerunTest.
 */
class ObjectCreatedEventsTest {

    private static final Path SAMPLE_EVENTS = Path.of("..", "infra", "events");
    private static final String BUCKET = "intake-files-123456789012";

    private static JsonNode event(String file) throws IOException {
        try (InputStream in = ObjectCreatedEventsTest.class.getResourceAsStream(
                "/events/" + file)) {
            return WorkflowJson.mapper().readTree(in);
        }
    }

    /** The events infra/events gives to sam local invoke. */
    private static JsonNode sample(String file) throws IOException {
        return WorkflowJson.mapper().readTree(Files.readString(SAMPLE_EVENTS.resolve(file)));
    }

    @Nested
    class S3Notifications {

        @Test
        void decodeTheKeyOnceSoSpacesPlusesAndUtf8SurviveAsWritten() throws IOException {
            assertThat(ObjectCreatedEvents.objects(event("s3-notification-space-and-plus.json")))
                    .containsExactly(new SourceObject("intake-files",
                            "incoming/store-locations/folder a/a+b Q1 dataé.csv",
                            "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
                            "0123456789abcdef0123456789abcdef", 1024));
        }

        /** R2 and R3: a literal + arrives as %2B and stays a plus. */
        @Test
        void theSampleNotificationGivesItsKeyWithThePlusKept() throws IOException {
            assertThat(ObjectCreatedEvents.objects(sample("arrival-s3-notification.json")))
                    .containsExactly(new SourceObject(BUCKET,
                            "incoming/store-locations/a+b file.csv",
                            "096fKKXTRTtl3on89fVO.nfljtsv6qko",
                            "5d41402abc4b2a76b9719d911017c592-3", 20971520));
        }

        /** Every record is read, outputs included: Arrival, not the parser, ignores them (R6). */
        @Test
        void giveEveryRecordInOrderWithUtf8EscapesDecoded() throws IOException {
            assertThat(ObjectCreatedEvents.objects(event("internal-objects.json")))
                    .extracting(SourceObject::key)
                    .containsExactly("failed-records/store-locations/run-1.csv",
                            "staging/store-locations/run-1/part-0001.jsonl",
                            "incoming/store-locations/café & bar.csv");
        }

        @Test
        void withoutAKeyFailWithThePathOfTheMissingField() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(
                    event("s3-notification-without-key.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: Records[0].s3.object.key is missing or not"
                            + " a string");
        }

        @Test
        void aRemovalFailsNamingItsEvent() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(event("object-removed.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: Records[0] is a ObjectRemoved:Delete event;"
                            + " only ObjectCreated events start runs");
        }
    }

    @Nested
    class EventBridgeEvents {

        /** R1 and R3: a space arrives as + and is decoded once. */
        @Test
        void theSampleEventGivesItsDecodedKeyAndVersion() throws IOException {
            assertThat(ObjectCreatedEvents.objects(sample("arrival-eventbridge.json")))
                    .containsExactly(new SourceObject(BUCKET,
                            "incoming/store-locations/folder a/Q1 data.csv",
                            "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
                            "b1946ac92492d2347c6235b4d2611184", 5120));
        }

        @Test
        void giveTheObjectWithoutAVersionWhenTheBucketIsNotVersioned() throws IOException {
            assertThat(ObjectCreatedEvents.objects(event("eventbridge-object-created.json")))
                    .containsExactly(new SourceObject("intake-files",
                            "incoming/store-locations/Q1 data.csv", null,
                            "b1946ac92492d2347c6235b4d2611184", 5));
        }

        /** R5: the console's "create folder" is read as it is; Arrival ignores it. */
        @Test
        void aFolderMarkerKeepsItsTrailingSlashAndNoSize() throws IOException {
            List<SourceObject> objects = ObjectCreatedEvents.objects(event("folder-marker.json"));

            assertThat(objects).extracting(SourceObject::key, SourceObject::size)
                    .containsExactly(tuple("incoming/store-locations/new folder/", 0L));
        }

        /** R5: a zero-byte file is an object like any other; its run fails "empty file". */
        @Test
        void anEmptyFileIsReadWithSizeZero() throws IOException {
            assertThat(ObjectCreatedEvents.objects(event("empty-file.json")))
                    .extracting(SourceObject::size).containsExactly(0L);
        }

        @Test
        void withoutAKeyFailNamingThePath() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(
                    event("eventbridge-without-key.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: detail.object.key is missing or not a"
                            + " string");
        }

        @Test
        void anotherTypeFails() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(
                    event("eventbridge-object-deleted.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: an EventBridge event of type 'Object"
                            + " Deleted'; only 'Object Created' starts runs");
        }
    }

    @Nested
    class OtherEvents {

        @Test
        void failWithTheShapesExpectedAndTheFieldsFound() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(event("s3-test-event.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: expected an S3 notification"
                            + " (Records[].s3.object.key) or an EventBridge Object Created event"
                            + " (detail.bucket.name, detail.object.key), got fields"
                            + " [Service, Event, Time, Bucket, RequestId, HostId]");
        }

        /** R3: an unknown shape fails with a reason, never a NullPointerException. */
        @Test
        void anUnknownShapeFailsNamingItsFields() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(event("unknown-shape.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: expected an S3 notification"
                            + " (Records[].s3.object.key) or an EventBridge Object Created event"
                            + " (detail.bucket.name, detail.object.key), got fields"
                            + " [bucket, key]");
        }

        @Test
        void aJsonArrayIsNotAnEvent() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(
                    WorkflowJson.mapper().readTree("[1]")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: expected a JSON object, got [1]");
        }

        @Test
        void failOnAKeyThatIsNotFormEncoded() {
            assertThatThrownBy(() -> ObjectCreatedEvents.decodeKey("incoming/100%.csv"))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessageStartingWith("Object key 'incoming/100%.csv' in the event is not"
                            + " form-encoded as S3 writes keys: ");
        }
    }
}
