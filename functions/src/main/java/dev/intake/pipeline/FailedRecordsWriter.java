package dev.intake.pipeline;

import dev.intake.read.ColumnMap;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes failed rows as a CSV a person can fix and upload again as is: UTF-8, RFC 4180 quoting,
 * CRLF line ends; the file's own columns in their order, then {@code _line}, {@code _column},
 * {@code _error_code} and {@code _error_message}, which the reader drops on re-import.
 *
 * <p>One row per failed record. When a row has several errors, {@code _column} and
 * {@code _error_code} are those of the first, and {@code _error_message} holds every message,
 * joined by " | ", so that all can be fixed in one go.
 *
 * <p>A value starting with {@code =}, {@code +}, {@code -} or {@code @} would be run as a formula
 * by a spreadsheet; it is written with a single quote in front ({@code '=SUM(A1)}), which
 * spreadsheets show as text. The reader removes that quote when the file comes back.
 */
public final class FailedRecordsWriter implements Closeable {

    static final String FORMULA_STARTS = "=+-@";

    private final Writer out;
    private final List<String> columns;
    private long written;

    public FailedRecordsWriter(OutputStream out, List<String> columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                64 * 1024);
        this.columns = List.copyOf(columns);
    }

    /** The header line: the original columns, then the four error columns. */
    public void writeHeader() {
        List<String> header = new ArrayList<>(columns);
        header.addAll(ColumnMap.FAILED_RECORD_COLUMNS);
        writeLine(header);
    }

    /** One failed row; values beyond the columns are dropped, missing ones are written empty. */
    public void write(long line, List<String> values, List<RowError> errors) {
        List<String> cells = new ArrayList<>(columns.size() + 4);
        for (int i = 0; i < columns.size(); i++) {
            cells.add(i < values.size() && values.get(i) != null ? values.get(i) : "");
        }
        RowError first = errors.get(0);
        cells.add(Long.toString(line));
        cells.add(first.column() == null ? "" : first.column());
        cells.add(first.code());
        cells.add(String.join(" | ", errors.stream().map(RowError::message).toList()));
        writeLine(cells);
        written++;
    }

    public long written() {
        return written;
    }

    /** Pushes buffered rows to the stream without closing it. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing failed records", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("writing failed records", e);
        }
    }

    private void writeLine(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing failed records", e);
        }
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
                ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
