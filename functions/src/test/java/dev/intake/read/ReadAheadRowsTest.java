package dev.intake.read;

import static dev.intake.read.RecordReaderTest.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading ahead on a second thread must give what reading directly gives, row for row. */
class ReadAheadRowsTest {

    static final String FILE_KEY = "incoming/people/file.csv";

    /** Enough rows for many batches, with ragged rows and quoted line breaks among them. */
    static byte[] manyRows(int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("name,email\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < count; i++) {
            String row = switch (i % 7) {
                case 3 -> "\"Bé\r\nnévole " + i + "\",b@x.org\r\n";
                case 5 -> "only " + i + "\r\n";
                default -> "Name " + i + ",n" + i + "@x.org\r\n";
            };
            bytes.writeBytes(row.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Nested
    class SameRowsAsReadingDirectly {

        @Test
        void givesEveryRowInOrderAcrossManyBatches() {
            byte[] file = manyRows(5_000);

            assertThat(read(file, true).rows()).isEqualTo(read(file, false).rows())
                    .hasSize(5_000);
        }

        @Test
        void givesTheRowsBeforeABadByteThenTheSameRejection() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(manyRows(3_000));
            bytes.writeBytes(new byte[] {'B', (byte) 0xE9, ',', 'b', '\r', '\n'});
            bytes.writeBytes("After,a@x.org\r\n".getBytes(StandardCharsets.UTF_8));

            Reading direct = read(bytes.toByteArray(), false);
            Reading ahead = read(bytes.toByteArray(), true);

            assertThat(ahead.rows()).isEqualTo(direct.rows());
            assertThat(ahead.failure()).isInstanceOf(FileRejectedException.class)
                    .hasMessage(direct.failure().getMessage());
            assertThat(((FileRejectedException) ahead.failure()).line())
                    .isEqualTo(((FileRejectedException) direct.failure()).line());
        }

        @Test
        void givesTheRowsBeforeAQuoteNeverClosedThenTheSameRejection() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(manyRows(1_500));
            bytes.writeBytes("B,\"b@x.org\nC,c@x.org\n".getBytes(StandardCharsets.UTF_8));

            Reading direct = read(bytes.toByteArray(), false);
            Reading ahead = read(bytes.toByteArray(), true);

            assertThat(ahead.rows()).isEqualTo(direct.rows()).hasSize(1_500);
            assertThat(ahead.failure()).hasMessage(direct.failure().getMessage())
                    .hasMessageContaining("line 1716: a quote opened on this line");
        }

        @Test
        void passesOnAnIoFailureOfTheStoreAsItIsAfterTheSameRows() {
            IOException broken = new IOException("connection reset");

            Reading direct = read(failingAtTheEnd(manyRows(2_000), broken), false);
            Reading ahead = read(failingAtTheEnd(manyRows(2_000), broken), true);

            assertThat(ahead.rows()).isEqualTo(direct.rows()).isNotEmpty();
            assertThat(ahead.failure()).isInstanceOf(UncheckedIOException.class)
                    .hasMessage(direct.failure().getMessage()).hasRootCause(broken);
        }

        @Test
        void rejectsAFileWithoutRowsAsBefore() {
            Reading ahead = read("name,email\r\n".getBytes(StandardCharsets.UTF_8), true);

            assertThat(ahead.rows()).isEmpty();
            assertThat(ahead.failure()).hasMessage("file " + FILE_KEY + ": the file has no "
                    + "records; upload a file with at least one row");
        }
    }

    @Nested
    class Stopping {

        @Test
        void closingBeforeTheEndStopsTheReadingThread() {
            RecordReader reader = RecordReader.open(new ByteArrayInputStream(manyRows(50_000)),
                    PEOPLE, "incoming/people/stopped.csv").readingAhead();
            assertThat(reader.next()).isNotNull();

            reader.close();

            assertThat(readingThreads("incoming/people/stopped.csv")).isEmpty();
        }

        @Test
        void closingAfterAFailureLeavesNoReadingThread() {
            ByteArrayOutputStream bad = new ByteArrayOutputStream();
            bad.writeBytes(manyRows(100_000));
            bad.write(0xFF);
            try (RecordReader reader = RecordReader.open(
                    new ByteArrayInputStream(bad.toByteArray()), PEOPLE,
                    "incoming/people/failed.csv").readingAhead()) {
                assertThat(catchThrowable(() -> {
                    while (reader.next() != null) {
                        // read up to the bad byte
                    }
                })).isInstanceOf(FileRejectedException.class);
            }

            assertThat(readingThreads("incoming/people/failed.csv")).isEmpty();
        }

        private static List<Thread> readingThreads(String fileKey) {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("read-ahead " + fileKey))
                    .filter(Thread::isAlive)
                    .toList();
        }
    }

    record Reading(List<SourceRow> rows, Throwable failure) {}

    /** A store stream that breaks where the file would end. */
    static InputStream failingAtTheEnd(byte[] file, IOException failure) {
        InputStream start = new ByteArrayInputStream(file);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = start.read(buffer, offset, length);
                if (count < 0) {
                    throw failure;
                }
                return count;
            }
        };
    }

    static Reading read(byte[] file, boolean ahead) {
        return read(new ByteArrayInputStream(file), ahead);
    }

    static Reading read(InputStream file, boolean ahead) {
        List<SourceRow> rows = new ArrayList<>();
        Throwable failure = catchThrowable(() -> {
            try (RecordReader reader = RecordReader.open(file, PEOPLE, FILE_KEY)) {
                if (ahead) {
                    reader.readingAhead();
                }
                for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                    rows.add(row);
                }
            }
        });
        return new Reading(rows, failure);
    }
}
