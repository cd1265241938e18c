package dev.intake.read;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.intake.job.JobDefinition.Format;
import dev.intake.job.JobDefinition.Schema;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CSV rows through FastCSV, which handles quoting, quoted line breaks and CR, LF or CRLF, and
 * numbers each record by the line it starts on. Blank lines are skipped (trailing ones included);
 * field counts are checked here, row by row, rather than by FastCSV, which would stop the file.
 */
final class CsvRows implements RecordReader.RowSource {

    private static final String SEP_HINT = "sep=";
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> records;
    private final ColumnMap columns;
    private final String fileKey;
    private final int lineOffset;
    private final String delimiter;
    private final StrictDecodingReader decoded;
    private CsvRecord ahead;

    private CsvRows(CsvReader<CsvRecord> csv, StrictDecodingReader decoded, Format format,
            Schema schema, String fileKey, int lineOffset, char delimiter) {
        this.csv = csv;
        this.decoded = decoded;
        this.records = csv.iterator();
        this.fileKey = fileKey;
        this.lineOffset = lineOffset;
        this.delimiter = String.valueOf(delimiter);
        this.columns = format.header() ? readHeader(schema, delimiter)
                : ColumnMap.inSchemaOrder(schema);
    }

    static CsvRows open(StrictDecodingReader chars, Format format, Schema schema,
            String fileKey) {
        PushbackReader in = new PushbackReader(chars, SEP_HINT.length() + 3);
        Character hinted = readSeparatorHint(in);
        char delimiter = hinted != null ? hinted : format.delimiter().charAt(0);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(in);
        return new CsvRows(csv, chars, format, schema, fileKey, hinted != null ? 1 : 0,
                delimiter);
    }

    @Override
    public ColumnMap columns() {
        return columns;
    }

    @Override
    public SourceRow next() {
        CsvRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        long line = record.getStartingLineNumber() + lineOffset;
        return columns.fromFile(line, record.getFields(), fieldCountProblem(record));
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private ColumnMap readHeader(Schema schema, char delimiter) {
        CsvRecord header = nextRecord();
        if (header == null) {
            throw new FileRejectedException(FileProblem.EMPTY_FILE, fileKey, 0,
                    "the file has no header; its first line must name the columns");
        }
        return ColumnMap.fromHeader(header.getFields(), schema, fileKey, delimiter);
    }

    /** The next record, read one ahead so that the last one can be checked for a lost quote. */
    private CsvRecord nextRecord() {
        CsvRecord record = ahead != null ? ahead : readRecord();
        ahead = record == null ? null : readRecord();
        if (record != null && ahead == null) {
            rejectUnclosedQuote(record);
        }
        return record;
    }

    private CsvRecord readRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException | UncheckedIOException e) {
            throw translate(e);
        }
    }

    /**
     * FastCSV ends a quoted field at the end of the input even when its closing quote is missing,
     * so one stray quote would take in every line after it as one value. Only the file's last
     * field can be such a field; it is one when it spans lines and the file does not end with the
     * closing quote.
     */
    private void rejectUnclosedQuote(CsvRecord last) {
        String value = last.getField(last.getFieldCount() - 1);
        boolean spansLines = value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (spansLines && decoded.lastContent() != '"') {
            throw new FileRejectedException(FileProblem.UNREADABLE, fileKey,
                    last.getStartingLineNumber() + lineOffset, "a quote opened on this line is "
                            + "never closed, so it takes in the rest of the file; close the "
                            + "quote, or double it if it is part of the value");
        }
    }

    private RuntimeException translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileRejectedException rejected) {
                return rejected;
            }
        }
        if (e instanceof UncheckedIOException) {
            return e;
        }
        Matcher line = LINE_IN_MESSAGE.matcher(e.getMessage());
        long lineNumber = line.find() ? Long.parseLong(line.group(1)) + lineOffset : 0;
        String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        return new FileRejectedException(FileProblem.UNREADABLE, fileKey, lineNumber,
                "not readable as CSV (" + detail + "); quote the whole field and double "
                        + "every quote inside it", e);
    }

    private RowProblem fieldCountProblem(CsvRecord record) {
        int expected = columns.fileColumnCount();
        int actual = record.getFieldCount();
        if (actual == expected || (actual > expected && onlyEmptyAfter(record, expected))) {
            return null;
        }
        String fix = actual > expected
                ? "quote values that contain \"" + delimiter + "\", or remove the extra "
                        + extraValues(record, expected)
                : "add the missing values, empty if unknown";
        return new RowProblem(RowProblem.RAGGED_ROW, "the row has " + actual + " field"
                + (actual == 1 ? "" : "s") + " but the header has " + expected + "; " + fix);
    }

    /** Spreadsheets end rows with empty fields past the header: nothing is lost by them. */
    private static boolean onlyEmptyAfter(CsvRecord record, int expected) {
        for (int i = expected; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The values past the header, named in the message: the failed records cannot hold them. */
    private static String extraValues(CsvRecord record, int expected) {
        List<String> extra = record.getFields().subList(expected, record.getFieldCount());
        return (extra.size() == 1 ? "value " : "values ") + extra.stream()
                .map(value -> value.length() <= 40 ? "\"" + value + "\""
                        : "\"" + value.substring(0, 40) + "...\"")
                .collect(Collectors.joining(", "));
    }

    /** Reads Excel's {@code sep=;} first line, or pushes back what it read. */
    private static Character readSeparatorHint(PushbackReader in) {
        try {
            char[] start = new char[SEP_HINT.length() + 3];
            int count = readFully(in, start);
            String text = new String(start, 0, count);
            if (count >= SEP_HINT.length() + 1 && text.regionMatches(true, 0, SEP_HINT, 0, 4)) {
                int end = SEP_HINT.length() + 1;
                int eol = lineEndLength(text, end);
                if (eol > 0 || count == end) {
                    in.unread(start, end + eol, count - end - eol);
                    return text.charAt(SEP_HINT.length());
                }
            }
            in.unread(start, 0, count);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineEndLength(String text, int at) {
        if (text.startsWith("\r\n", at)) {
            return 2;
        }
        return text.startsWith("\n", at) || text.startsWith("\r", at) ? 1 : 0;
    }

    private static int readFully(Reader in, char[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int count = in.read(buffer, total, buffer.length - total);
            if (count < 0) {
                break;
            }
            total += count;
        }
        return total;
    }
}
