package dev.intake.handler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonHandlerTest {

    private static final String WRITE_FAILED = "could not write s3://intake-files/staging/"
            + "run-1/failed/1-000000.csv: Unable to execute HTTP request: Error writing request"
            + " body to server (SDK Attempt Count: 3)";

    /** A handler whose service call throws what {@code failure} gives. */
    private static JsonHandler<String, String> throwing(Supplier<RuntimeException> failure) {
        return new JsonHandler<>(String.class) {
            @Override
            String handle(String input) {
                throw failure.get();
            }
        };
    }

    @Nested
    class WhenAnUncheckedIoExceptionEscapes {

        @Test
        void itsMessageSaysWhatWasBeingDoneAndWhatWentWrong() {
            JsonHandler<String, String> handler = throwing(() -> new UncheckedIOException(
                    "writing failed records", new IOException(WRITE_FAILED)));

            assertThatThrownBy(() -> HandlerHarness.invoke(handler, "\"run-1\""))
                    .isExactlyInstanceOf(UncheckedIOException.class)
                    .hasMessage("writing failed records: " + WRITE_FAILED)
                    .hasCauseExactlyInstanceOf(IOException.class);
        }

        @Test
        void aMessageThatAlreadyNamesTheCauseIsKept() {
            JsonHandler<String, String> handler = throwing(() -> new UncheckedIOException(
                    "staging failed records: No space left on device",
                    new IOException("No space left on device")));

            assertThatThrownBy(() -> HandlerHarness.invoke(handler, "\"run-1\""))
                    .hasMessage("staging failed records: No space left on device");
        }

        @Test
        void aCauseWithoutAMessageIsNamedByItsClass() {
            JsonHandler<String, String> handler = throwing(
                    () -> new UncheckedIOException(new EOFException()));

            assertThatThrownBy(() -> HandlerHarness.invoke(handler, "\"run-1\""))
                    .hasMessage("EOFException");
        }
    }

    @Test
    void otherExceptionsPassAsTheyAre() {
        IllegalStateException failure = new IllegalStateException("run run-1 is not validating");
        JsonHandler<String, String> handler = throwing(() -> failure);

        assertThatThrownBy(() -> HandlerHarness.invoke(handler, "\"run-1\"")).isSameAs(failure);
    }
}
