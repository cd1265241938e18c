package dev.intake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StrictDecodingReaderTest {

    @Nested
    class LineCounting {

        /** LF, CRLF, bare CR, blank lines; every split point is met by some chunk size. */
        static final String TEXT = "a\nb\r\nc\rd\r\r\ne\n\n\rf\r\n\r\ng\r";

        @Test
        void countsEachLineBreakOnceWhereverTheReadsSplitTheText() throws IOException {
            for (int chunk = 1; chunk <= TEXT.length(); chunk++) {
                assertThat(lineOfABadByteAfter(TEXT, chunk)).as("chunk " + chunk)
                        .isEqualTo(12);
            }
        }

        @Test
        void keepsTheLastCharacterThatIsNotALineBreakWhateverTheChunks() throws IOException {
            for (int chunk = 1; chunk <= 4; chunk++) {
                StrictDecodingReader reader = reader("x,\"y\"\r\n\r\n");
                readAll(reader, chunk);

                assertThat(reader.lastContent()).as("chunk " + chunk).isEqualTo('"');
            }
        }

        private static long lineOfABadByteAfter(String text, int chunk) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            bytes.write(0xFF);
            StrictDecodingReader reader = new StrictDecodingReader(
                    new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8,
                    "file.csv");
            return catchThrowableOfType(FileRejectedException.class,
                    () -> readAll(reader, chunk)).line();
        }
    }

    private static StrictDecodingReader reader(String text) {
        return new StrictDecodingReader(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, "file.csv");
    }

    private static void readAll(StrictDecodingReader reader, int chunk) throws IOException {
        char[] buffer = new char[chunk];
        while (reader.read(buffer, 0, chunk) >= 0) {
            // counting happens as the text is read
        }
    }
}
