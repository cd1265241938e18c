package dev.intake.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.run.SourceObject;
import dev.intake.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ObjectCreatedEventsTest {

    private static JsonNode event(String file) throws IOException {
        try (InputStream in = ObjectCreatedEventsTest.class.getResourceAsStream(
                "/events/" + file)) {
            return WorkflowJson.mapper().readTree(in);
        }
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

        @Test
        void withoutAKeyFailWithThePathOfTheMissingField() {
            assertThatThrownBy(() -> ObjectCreatedEvents.objects(
                    event("s3-notification-without-key.json")))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessage("Unrecognised event: Records[0].s3.object.key is missing or not"
                            + " a string");
        }
    }

    @Nested
    class EventBridgeEvents {

        @Test
        void giveTheObjectWithoutAVersionWhenTheBucketIsNotVersioned() throws IOException {
            assertThat(ObjectCreatedEvents.objects(event("eventbridge-object-created.json")))
                    .containsExactly(new SourceObject("intake-files",
                            "incoming/store-locations/Q1 data.csv", null,
                            "b1946ac92492d2347c6235b4d2611184", 5));
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

        @Test
        void failOnAKeyThatIsNotFormEncoded() {
            assertThatThrownBy(() -> ObjectCreatedEvents.decodeKey("incoming/100%.csv"))
                    .isInstanceOf(UnrecognisedEventException.class)
                    .hasMessageStartingWith("Object key 'incoming/100%.csv' in the event is not"
                            + " form-encoded as S3 writes keys: ");
        }
    }
}
