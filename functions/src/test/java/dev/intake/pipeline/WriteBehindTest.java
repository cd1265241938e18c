package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.intake.pipeline.RecordValidator.Outcome;
import dev.intake.read.SourceRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Staging on a second thread must write what staging in line writes, byte for byte. */
class WriteBehindTest {

    static final List<String> HEADER = List.of("zip_code", "latitude");

    record Checked(SourceRow row, Outcome outcome) {}

    /** Valid and failed rows mixed, over several batches. */
    static List<Checked> checkedRows(int count) {
        List<Checked> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long line = i + 2;
            SourceRow row = new SourceRow(line, List.of(String.format("%05d", i), "1." + i));
            if (i % 5 == 4) {
                rows.add(new Checked(row, new Outcome(null, List.of(new RowError(line,
                        "latitude", RowError.ABOVE_MAX, "latitude: too far north")))));
            } else {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("zip_code", row.values().get(0));
                values.put("latitude", new BigDecimal(row.values().get(1)));
                rows.add(new Checked(row, new Outcome(
                        new ProcessedRecord(line, row.values().get(0), values), List.of())));
            }
        }
        return rows;
    }

    @Nested
    class SameBytesAsWritingInLine {

        @Test
        void writesValidAndFailedRowsInOrderAcrossBatches() {
            List<Checked> rows = checkedRows(WriteBehind.BATCH_ROWS * 3 + 17);
            ByteArrayOutputStream validInLine = new ByteArrayOutputStream();
            ByteArrayOutputStream failedInLine = new ByteArrayOutputStream();
            try (StagedRecords.Writer valid = new StagedRecords.Writer(validInLine);
                    FailedRecordsWriter failed = new FailedRecordsWriter(failedInLine, HEADER)) {
                for (Checked checked : rows) {
                    if (checked.outcome().isValid()) {
                        valid.write(checked.outcome().record());
                    } else {
                        failed.write(checked.row().line(), checked.row().values(),
                                checked.outcome().errors());
                    }
                }
            }

            ByteArrayOutputStream validBehind = new ByteArrayOutputStream();
            ByteArrayOutputStream failedBehind = new ByteArrayOutputStream();
            long[] counts = writeBehind(rows, validBehind, failedBehind);

            assertThat(validBehind.toByteArray()).isEqualTo(validInLine.toByteArray());
            assertThat(failedBehind.toByteArray()).isEqualTo(failedInLine.toByteArray());
            assertThat(counts).containsExactly(1_243, 310);
        }
    }

    @Nested
    class Failures {

        @Test
        void aStoreFailureComesBackToTheCallerAsItIs() {
            IOException refused = new IOException("the store refused the write");
            OutputStream breaking = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw refused;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    throw refused;
                }
            };

            Throwable failure = catchThrowable(() -> writeBehind(checkedRows(200_000),
                    breaking, new ByteArrayOutputStream()));

            assertThat(failure).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("writing staged records")
                    .hasCause(refused);
            assertThat(stagingThreads()).isEmpty();
        }

        @Test
        void closingWithoutFinishingStopsTheThread() {
            try (StagedRecords.Writer valid = new StagedRecords.Writer(
                            new ByteArrayOutputStream());
                    FailedRecordsWriter failed = new FailedRecordsWriter(
                            new ByteArrayOutputStream(), HEADER);
                    WriteBehind staging = new WriteBehind(valid, failed, null, "test part")) {
                for (Checked checked : checkedRows(WriteBehind.BATCH_ROWS * 2)) {
                    staging.add(checked.row(), checked.outcome());
                }
            }

            assertThat(stagingThreads()).isEmpty();
        }
    }

    private static long[] writeBehind(List<Checked> rows, OutputStream validOut,
            OutputStream failedOut) {
        try (StagedRecords.Writer valid = new StagedRecords.Writer(validOut);
                FailedRecordsWriter failed = new FailedRecordsWriter(failedOut, HEADER);
                WriteBehind staging = new WriteBehind(valid, failed, null, "test part")) {
            for (Checked checked : rows) {
                staging.add(checked.row(), checked.outcome());
            }
            staging.finish();
            return new long[] {valid.written(), failed.written()};
        }
    }

    private static List<Thread> stagingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("write-behind test part"))
                .filter(Thread::isAlive)
                .toList();
    }
}
