package dev.intake.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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
 * serves both formats; numbers keep their exact digits.
 */
final class JsonLinesRows implements RecordReader.RowSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature
                    .STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final BufferedReader lines;
    private final ColumnMap columns;
    private final Map<String, Integer> fieldByName = new HashMap<>();
    private final int fieldCount;
    private final boolean rejectExtra;
    private final String fileKey;
    private long line;

    JsonLinesRows(Reader chars, Schema schema, String fileKey) {
        this.lines = new BufferedReader(chars, 64 * 1024);
        this.columns = ColumnMap.inSchemaOrder(schema);
        this.fieldCount = schema.fields().size();
        this.rejectExtra = schema.extraColumns() == ExtraColumns.REJECT;
        this.fileKey = fileKey;
        for (int i = 0; i < fieldCount; i++) {
            Field field = schema.fields().get(i);
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
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return malformed(values, "not valid JSON (" + e.getOriginalMessage()
                    + "); write one JSON object per line");
        }
        if (node == null || !node.isObject()) {
            return malformed(values, "not a JSON object; write one {...} object per line");
        }
        return new SourceRow(line, Arrays.asList(values), fill(node, values));
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
        return new SourceRow(line, Arrays.asList(values),
                new RowProblem(RowProblem.MALFORMED_ROW, message));
    }

    /** Copies the object's values into their fields; returns the problem of an unknown key. */
    private RowProblem fill(JsonNode node, String[] values) {
        RowProblem problem = null;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Integer field = fieldByName.get(fold(entry.getKey()));
            if (field != null) {
                values[field] = text(entry.getValue());
            } else if (rejectExtra && problem == null
                    && !ColumnMap.FAILED_RECORD_COLUMNS.contains(entry.getKey())) {
                problem = new RowProblem("UNEXPECTED_FIELD", "field \"" + entry.getKey()
                        + "\" is not in the schema and extraColumns is reject; remove it");
            }
            // Shortcut: with extraColumns keep, unknown JSON Lines keys are dropped, not kept;
            // ends when SourceRow carries named extra values.
        }
        return problem;
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
