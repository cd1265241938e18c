package dev.intake.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rows that failed after validation: keys rejected as duplicates, records the destination
 * refused. They are staged as their line and error only, and shown in the failed records with the
 * values the source file holds on that line, as rows that failed validation are. Staged values
 * are processed (dates in ISO form, decimals normalised, ignored columns dropped) and would not
 * read the same when the fixed file is uploaded again under the job's formats and locale.
 */
final class LateFailures {

    static final String CONTENT_TYPE = "application/x-ndjson";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LateFailures() {
    }

    /**
     * Stages one step's late failures, one JSON object per line. The object is created on the
     * first failure only: most runs have none, and an absent object reads as no failures.
     */
    static final class Writer implements Closeable {

        private final Supplier<OutputStream> target;
        private java.io.Writer out;
        private long written;

        Writer(Supplier<OutputStream> target) {
            this.target = target;
        }

        void write(RowError error) {
            try {
                if (out == null) {
                    out = new BufferedWriter(
                            new OutputStreamWriter(target.get(), StandardCharsets.UTF_8));
                }
                out.write(JSON.writeValueAsString(error));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("staging failed records: " + e.getMessage(), e);
            }
            written++;
        }

        long written() {
            return written;
        }

        @Override
        public void close() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("staging failed records: " + e.getMessage(), e);
            }
        }
    }

    /** Reads staged late failures back, in the order they were written. */
    static List<RowError> read(InputStream in) {
        List<RowError> errors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                errors.add(JSON.readValue(line, RowError.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading staged failed records", e);
        }
        return errors;
    }

    /**
     * Writes each failure with its row's values, read once more from the source file, in line
     * order. A failure whose line the source no longer yields is written with empty values rather
     * than lost.
     */
    // Shortcut: the late failures are held in memory, sorted by line, while the source is read;
    // ends when a run can fail more rows late than memory holds (then sort them on disk).
    static void writeWithSourceValues(List<RowError> failures, RecordReader source,
            FailedRecordsWriter out) {
        List<RowError> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingLong(RowError::line));
        int next = 0;
        for (SourceRow row = source.next(); row != null && next < sorted.size();
                row = source.next()) {
            next = writeBefore(sorted, next, row.line(), out);
            List<RowError> errors = new ArrayList<>(1);
            while (next < sorted.size() && sorted.get(next).line() == row.line()) {
                errors.add(sorted.get(next++));
            }
            if (!errors.isEmpty()) {
                out.write(row.line(), row.values(), errors);
            }
        }
        writeBefore(sorted, next, Long.MAX_VALUE, out);
    }

    /** Writes, without values, the failures before {@code line}; returns the next index. */
    private static int writeBefore(List<RowError> sorted, int next, long line,
            FailedRecordsWriter out) {
        int i = next;
        while (i < sorted.size() && sorted.get(i).line() < line) {
            out.write(sorted.get(i).line(), List.of(), List.of(sorted.get(i)));
            i++;
        }
        return i;
    }
}
