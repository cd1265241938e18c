package dev.intake.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Lines rows: one object per line, blank lines skipped. Values are mapped onto the schema's
 * fields by name or alias, without regard to case, and handed on as text so that one validation
 * serves both formats: a number is passed on as written ({@code 1e400} stays an exponent, refused
 * as in a CSV file), and an object or array where a field takes one value is a row problem.
 */
final class JsonLinesRows implements RecordReader.RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final ColumnMap columns;
    private final Map<String, Integer> fieldByName = new HashMap<>();
    private final String[] fieldNames;
    private final int fieldCount;
    private final boolean rejectExtra;
    private final String fileKey;
    private long line;

    JsonLinesRows(Reader chars, Schema schema, String fileKey) {
        this.lines = new BufferedReader(chars, 64 * 1024);
        this.columns = ColumnMap.inSchemaOrder(schema);
        this.fieldCount = schema.fields().size();
        this.fieldNames = new String[fieldCount];
        this.rejectExtra = schema.extraColumns() == ExtraColumns.REJECT;
        this.fileKey = fileKey;
        for (int i = 0; i < fieldCount; i++) {
            Field field = schema.fields().get(i);
            fieldNames[i] = field.name();
            fieldByName.put(fold(field.name()), i);
            for (String alias : field.aliases()) {
                fieldByName.put(fold(alias), i);
            }
        }
    }

    @Override
    public ColumnMap columns() {
        return columns;
    }

    @Override
    public SourceRow next() {
        String text = nextNonBlankLine();
        if (text == null) {
            return null;
        }
        String[] values = new String[fieldCount];
        Arrays.fill(values, "");
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return malformed(values, "not a JSON object; write one {...} object per line");
            }
            return new SourceRow(line, Arrays.asList(values), fill(parser, values));
        } catch (JsonProcessingException e) {
            return malformed(values, "not valid JSON (" + e.getOriginalMessage()
                    + "); write one JSON object per line");
        } catch (IOException e) {
            throw new UncheckedIOException("reading line " + line + " of " + fileKey, e);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private String nextNonBlankLine() {
        try {
            String text;
            do {
                text = lines.readLine();
                line++;
            } while (text != null && text.isBlank());
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileKey, e);
        }
    }

    private SourceRow malformed(String[] values, String message) {
        Arrays.fill(values, "");
        return new SourceRow(line, Arrays.asList(values),
                new RowProblem(RowProblem.MALFORMED_ROW, message));
    }

    /**
     * Copies the object's values into their fields; returns the first problem: an unknown key, or
     * an object or array where a field takes one value.
     */
    private RowProblem fill(JsonParser parser, String[] values) throws IOException {
        RowProblem problem = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            Integer field = fieldByName.get(fold(key));
            if (field == null) {
                parser.skipChildren();
                problem = problem != null ? problem : unknownKey(key);
            } else if (token.isStructStart()) {
                values[field] = JSON.readTree(parser).toString();
                problem = problem != null ? problem : nested(field, token);
            } else {
                values[field] = token == JsonToken.VALUE_NULL ? "" : parser.getText();
            }
        }
        return problem;
    }

    private RowProblem unknownKey(String key) {
        // Shortcut: with extraColumns keep, unknown JSON Lines keys are dropped, not kept;
        // ends when SourceRow carries named extra values.
        if (!rejectExtra || ColumnMap.FAILED_RECORD_COLUMNS.contains(key)) {
            return null;
        }
        return new RowProblem("UNEXPECTED_FIELD", "field \"" + key
                + "\" is not in the schema and extraColumns is reject; remove it");
    }

    private RowProblem nested(int field, JsonToken token) {
        String name = fieldNames[field];
        String kind = token == JsonToken.START_OBJECT ? "an object" : "an array";
        return new RowProblem(RowProblem.NESTED_VALUE, name + ": " + kind + " is not a value; "
                + "give " + name + " one string, number or boolean", name);
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
