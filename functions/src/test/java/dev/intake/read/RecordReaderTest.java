package dev.intake.read;

import static dev.intake.testing.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.intake.job.JobDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    static final JobDefinition PEOPLE = job("""
            id: people
            schema:
              key: [name]
              fields:
                - { name: name, required: true }
                - { name: email, type: email, required: true }
            """);

    static List<SourceRow> readAll(byte[] bytes, JobDefinition job) {
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes), job,
                "incoming/people/file.csv")) {
            List<SourceRow> rows = new ArrayList<>();
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    static List<SourceRow> readAll(String text, JobDefinition job) {
        return readAll(text.getBytes(StandardCharsets.UTF_8), job);
    }

    static FileRejectedException rejection(byte[] bytes, JobDefinition job) {
        return catchThrowableOfType(FileRejectedException.class, () -> readAll(bytes, job));
    }

    static FileRejectedException rejection(String text, JobDefinition job) {
        return rejection(text.getBytes(StandardCharsets.UTF_8), job);
    }

    static JobDefinition withFormat(String format) {
        return job("""
                id: people
                format: %s
                schema:
                  key: [name]
                  fields:
                    - { name: name, required: true }
                    - { name: email, type: email, required: true }
                """.formatted(format));
    }

    @Nested
    class Encodings {

        static final byte[] WINDOWS_1252 = {'n', 'a', 'm', 'e', ',', 'e', 'm', 'a', 'i', 'l', '\n',
            'B', (byte) 0xE9, 'n', (byte) 0xE9, 'v', 'o', 'l', 'e', ',', 'b', '@', 'x', '.', 'o',
            'r', 'g', '\n'};

        @Test
        void readsUtf8() {
            assertThat(readAll("name,email\nBénévole,b@x.org\n", PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("Bénévole", "b@x.org")));
        }

        @Test
        void rejectsWindows1252BytesInAFileDeclaredUtf8NamingLineAndByte() {
            FileRejectedException e = rejection(WINDOWS_1252, PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.ENCODING);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv, line 2: byte 13 "
                    + "(0xE9) is not valid UTF-8; save the file as UTF-8, or declare its encoding"
                    + " in format.encoding (for example windows-1252)");
            assertThat(e.reason().code()).isEqualTo("ENCODING");
        }

        @Test
        void countsLinesAndBytesAcrossDecodingBuffersUpToTheBadByte() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("name,email\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20_000; i++) {
                bytes.writeBytes("Bénévole,b@x.org\r\n".getBytes(StandardCharsets.UTF_8));
            }
            long badByte = bytes.size() + 2;
            bytes.writeBytes(new byte[] {'B', (byte) 0xE9, (byte) 0xE9, ',', 'b', '\r', '\n'});

            FileRejectedException e = rejection(bytes.toByteArray(), PEOPLE);

            assertThat(e.line()).isEqualTo(20_002);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv, line 20002: byte "
                    + badByte + " (0xE9) is not valid UTF-8; save the file as UTF-8, or declare "
                    + "its encoding in format.encoding (for example windows-1252)");
        }

        @Test
        void decodesWindows1252WhenTheJobDeclaresIt() {
            assertThat(readAll(WINDOWS_1252, withFormat("{ encoding: windows-1252 }")))
                    .containsExactly(new SourceRow(2, List.of("Bénévole", "b@x.org")));
        }

        @Test
        void skipsAUtf8ByteOrderMark() {
            assertThat(readAll("\uFEFFname,email\nA,a@x.org\n", PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("A", "a@x.org")));
        }
    }

    @Nested
    class Delimiters {

        static final String SEMICOLONS = "name;email\nA;a@x.org\nB;b@x.org\n";

        @Test
        void rejectsASemicolonFileReadWithCommasAsMissingAColumn() {
            FileRejectedException e = rejection(SEMICOLONS, PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.MISSING_COLUMN);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv, line 1: "
                    + "required columns name, email missing; the header reads \"name;email\". "
                    + "Add the column, or check format.delimiter and the column names");
        }

        @Test
        void namesTheOneRequiredColumnMissing() {
            assertThat(rejection("name,mail\nA,a@x.org\n", PEOPLE).getMessage()).isEqualTo(
                    "file incoming/people/file.csv, line 1: required column email missing; the "
                            + "header reads \"name,mail\". Add the column, or check "
                            + "format.delimiter and the column names");
        }

        @Test
        void readsTheDeclaredDelimiter() {
            assertThat(readAll(SEMICOLONS, withFormat("{ delimiter: \";\" }"))).containsExactly(
                    new SourceRow(2, List.of("A", "a@x.org")),
                    new SourceRow(3, List.of("B", "b@x.org")));
        }

        @Test
        void honoursExcelsSeparatorHintAndCountsItsLine() {
            assertThat(readAll("sep=;\r\n" + SEMICOLONS, PEOPLE)).containsExactly(
                    new SourceRow(3, List.of("A", "a@x.org")),
                    new SourceRow(4, List.of("B", "b@x.org")));
        }
    }

    @Nested
    class RaggedAndLongRows {

        @Test
        void carriesFieldCountProblemsOnTheRowAndReadsOn() {
            String longName = "x".repeat(10_000);
            String text = "name,email\nA,a@x.org\nB,b@x.org\nC,c@x.org,extra\nD\n"
                    + longName + ",e@x.org\n";

            List<SourceRow> rows = readAll(text, PEOPLE);

            assertThat(rows).hasSize(5);
            assertThat(rows.get(2)).isEqualTo(new SourceRow(4, List.of("C", "c@x.org", "extra"),
                    new RowProblem("RAGGED_ROW", "the row has 3 fields but the header has 2; "
                            + "quote values that contain \",\", or remove the extra value "
                            + "\"extra\"")));
            assertThat(rows.get(3)).isEqualTo(new SourceRow(5, List.of("D"),
                    new RowProblem("RAGGED_ROW", "the row has 1 field but the header has 2; "
                            + "add the missing values, empty if unknown")));
            assertThat(rows.get(4).values().get(0)).hasSize(10_000);
            assertThat(rows.get(4).problem()).isNull();
        }
    }

    @Nested
    class SpreadsheetHabits {

        @Test
        void acceptsRowsThatEndWithEmptyFieldsPastTheHeader() {
            assertThat(readAll("name,email\nA,a@x.org,,\n", PEOPLE)).containsExactly(
                    new SourceRow(2, List.of("A", "a@x.org", "", "")));
        }
    }

    @Nested
    class LineEndings {

        @Test
        void readsCrlfAndIgnoresTrailingBlankLines() {
            assertThat(readAll("name,email\r\nA,a@x.org\r\nB,b@x.org\r\n\r\n\r\n", PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("A", "a@x.org")),
                            new SourceRow(3, List.of("B", "b@x.org")));
        }

        @Test
        void readsBareCarriageReturns() {
            assertThat(readAll("name,email\rA,a@x.org\rB,b@x.org\r\r\r", PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("A", "a@x.org")),
                            new SourceRow(3, List.of("B", "b@x.org")));
        }

        @Test
        void numbersARecordByTheLineItStartsOnAfterQuotedLineBreaks() {
            String text = "name,email\n\"Two\nline\nname\",a@x.org\nB,b@x.org\n";

            assertThat(readAll(text, PEOPLE)).containsExactly(
                    new SourceRow(2, List.of("Two\nline\nname", "a@x.org")),
                    new SourceRow(5, List.of("B", "b@x.org")));
        }
    }

    @Nested
    class Headers {

        @Test
        void matchesTrimmedNamesWithoutRegardToCaseAndAliases() {
            JobDefinition job = job("""
                    id: people
                    schema:
                      key: [name]
                      fields:
                        - { name: name, required: true }
                        - { name: email, required: true, aliases: [e-mail] }
                    """);

            try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(
                    " E-Mail , NAME \nA,b\n".getBytes(StandardCharsets.UTF_8)), job, "k")) {
                assertThat(reader.columns().header()).containsExactly("E-Mail", "NAME");
                assertThat(reader.columns().columnOf(0)).isEqualTo(1);
                assertThat(reader.columns().columnOf(1)).isEqualTo(0);
            }
        }

        @Test
        void rejectsADuplicatedColumnAsAmbiguous() {
            FileRejectedException e = rejection(" Email ,name,name\na@x.org,A,B\n", PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.AMBIGUOUS_HEADER);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv, line 1: column "
                    + "\"name\" appears twice (columns 2 and 3); rename or remove one of them");
        }

        @Test
        void rejectsAnExtraColumnWhenTheJobSaysSo() {
            JobDefinition job = job("""
                    id: people
                    schema: { key: [name], fields: [{ name: name }], extraColumns: reject }
                    """);

            assertThat(rejection("name,age\nA,3\n", job).getMessage()).isEqualTo(
                    "file incoming/people/file.csv, line 1: column \"age\" is not in the schema "
                            + "and extraColumns is reject; remove the column or add it to the "
                            + "schema");
        }

        @Test
        void readsAFileWithoutHeaderInSchemaOrder() {
            assertThat(readAll("A,a@x.org\n", withFormat("{ header: false }")))
                    .containsExactly(new SourceRow(1, List.of("A", "a@x.org")));
        }

        @Test
        void dropsTheFailedRecordColumnsAndRestoresNeutralisedValues() {
            String failedRecords = "name,email,_line,_column,_error_code,_error_message\r\n"
                    + "'=cmd,a@x.org,2,name,PATTERN_MISMATCH,\"name: bad, really\"\r\n";

            assertThat(readAll(failedRecords, PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("=cmd", "a@x.org")));
        }
    }

    @Nested
    class EmptyAndBrokenFiles {

        @Test
        void rejectsAZeroByteFile() {
            FileRejectedException e = rejection(new byte[0], PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.EMPTY_FILE);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv: the file is "
                    + "empty (0 bytes); upload a file with a header and rows");
        }

        @Test
        void rejectsAFileHoldingOnlyAByteOrderMark() {
            assertThat(rejection("\uFEFF", PEOPLE).getMessage()).isEqualTo(
                    "file incoming/people/file.csv: the file has no header; its first line must "
                            + "name the columns");
        }

        @Test
        void rejectsAHeaderWithoutRows() {
            assertThat(rejection("name,email\r\n\r\n", PEOPLE).getMessage()).isEqualTo(
                    "file incoming/people/file.csv: the file has no records; upload a file with"
                            + " at least one row");
        }

        @Test
        void rejectsTextAfterAClosingQuoteNamingTheLine() {
            FileRejectedException e = rejection("name,email\nA,a@x.org\n\"B\"x,b@x.org\n",
                    PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.UNREADABLE);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("file incoming/people/file.csv, line 3: not "
                    + "readable as CSV (").endsWith("); quote the whole field and double every "
                    + "quote inside it");
        }
    }

    @Nested
    class UnclosedQuotes {

        @Test
        void rejectsAQuoteThatIsNeverClosedInsteadOfSwallowingTheRest() {
            FileRejectedException e = rejection(
                    "name,email\nA,a@x.org\nB,\"b@x.org\nC,c@x.org\nD,d@x.org\n", PEOPLE);

            assertThat(e.problem()).isEqualTo(FileProblem.UNREADABLE);
            assertThat(e.getMessage()).isEqualTo("file incoming/people/file.csv, line 3: a "
                    + "quote opened on this line is never closed, so it takes in the rest of the "
                    + "file; close the quote, or double it if it is part of the value");
        }

        @Test
        void acceptsALastFieldThatSpansLinesAndIsClosed() {
            assertThat(readAll("name,email\nA,\"a@x.org\nnote\"\r\n\r\n", PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("A", "a@x.org\nnote")));
        }
    }

    @Nested
    class CompressedAndJsonLines {

        @Test
        void recognisesGzipByItsMagicBytes() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write("name,email\nA,a@x.org\n".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(readAll(bytes.toByteArray(), PEOPLE))
                    .containsExactly(new SourceRow(2, List.of("A", "a@x.org")));
        }

        @Test
        void rejectsACutGzipStreamAsUnreadable() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write("name,email\nA,a@x.org\n".repeat(50).getBytes(StandardCharsets.UTF_8));
            }
            byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), 30);

            assertThat(rejection(cut, PEOPLE).problem()).isEqualTo(FileProblem.UNREADABLE);
        }

        @Test
        void readsThreeJsonLinesAndSkipsTheTrailingBlankLine() {
            String text = "{\"name\":\"A\",\"email\":\"a@x.org\"}\n"
                    + "{\"EMAIL\":\"b@x.org\",\"name\":\"B\"}\n"
                    + "{\"name\":\"C\",\"email\":null}\n\n";

            assertThat(readAll(text, withFormat("{ type: jsonl }"))).containsExactly(
                    new SourceRow(1, List.of("A", "a@x.org")),
                    new SourceRow(2, List.of("B", "b@x.org")),
                    new SourceRow(3, List.of("C", "")));
        }

        @Test
        void keepsTheExactDigitsOfJsonNumbersAndFlagsALineThatIsNotAnObject() {
            JobDefinition job = job("""
                    id: prices
                    format: { type: jsonl }
                    schema: { key: [id], fields: [{ name: id, type: integer }, { name: price }] }
                    """);

            List<SourceRow> rows = readAll("{\"id\": 1, \"price\": 13.20}\n[1]\n", job);

            assertThat(rows.get(0)).isEqualTo(new SourceRow(1, List.of("1", "13.20")));
            assertThat(rows.get(1)).isEqualTo(new SourceRow(2, List.of("", ""), new RowProblem(
                    "MALFORMED_ROW", "not a JSON object; write one {...} object per line")));
        }

        @Test
        void passesJsonNumbersOnAsWrittenSoThatAnExponentIsRefusedAsInCsv() {
            List<SourceRow> rows = readAll("{\"id\": 1e2, \"price\": 1e400}\n"
                    + "{\"id\": -0, \"price\": 1.50E-3, \"note\": {\"skipped\": [1]}}\n",
                    PRICES);

            assertThat(rows).containsExactly(
                    new SourceRow(1, List.of("1e2", "1e400")),
                    new SourceRow(2, List.of("-0", "1.50E-3")));
        }

        @Test
        void flagsAnObjectOrAnArrayGivenForAFieldNamingTheField() {
            List<SourceRow> rows = readAll("{\"id\": 1, \"price\": {\"amount\": 2}}\n"
                    + "{\"id\": [1, 2], \"price\": true}\n", PRICES);

            assertThat(rows).containsExactly(
                    new SourceRow(1, List.of("1", "{\"amount\":2}"), new RowProblem(
                            "NESTED_VALUE", "price: an object is not a value; give price one "
                            + "string, number or boolean", "price")),
                    new SourceRow(2, List.of("[1,2]", "true"), new RowProblem(
                            "NESTED_VALUE", "id: an array is not a value; give id one "
                            + "string, number or boolean", "id")));
        }

        @Test
        void flagsBrokenJsonWithoutKeepingHalfReadValues() {
            List<SourceRow> rows = readAll("{\"id\": 1, \"price\": }\n", PRICES);

            assertThat(rows).containsExactly(new SourceRow(1, List.of("", ""), new RowProblem(
                    "MALFORMED_ROW", "not valid JSON (Unexpected character ('}' (code 125)): "
                    + "expected a value); write one JSON object per line")));
        }

        private final JobDefinition PRICES = job("""
                id: prices
                format: { type: jsonl }
                schema:
                  key: [id]
                  fields: [{ name: id, type: integer }, { name: price, type: decimal }]
                """);
    }
}
