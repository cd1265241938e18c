package dev.intake.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The format processed records take between steps: JSON Lines, one
 * {@code {"line":2,"key":"00501","values":{...}}} per record, numbers written with all their
 * digits. Streamed both ways, so a step holds one record at a time.
 */
public final class StagedRecords {

    public static final String CONTENT_TYPE = "application/x-ndjson";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private StagedRecords() {}

    /** Writes records one by one; closing closes the stream. */
    public static final class Writer implements Closeable {

        private final JsonGenerator json;
        private final OutputStream out;
        private long written;

        public Writer(OutputStream out) {
            this.out = out;
            try {
                json = JSON.createGenerator(out);
                json.setRootValueSeparator(
                        new com.fasterxml.jackson.core.io.SerializedString("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void write(ProcessedRecord record) {
            try {
                json.writeStartObject();
                json.writeNumberField("line", record.line());
                json.writeStringField("key", record.key());
                json.writeObjectFieldStart("values");
                for (Map.Entry<String, Object> entry : record.values().entrySet()) {
                    json.writeFieldName(entry.getKey());
                    writeValue(entry.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException("writing staged records", e);
            }
        }

        public long written() {
            return written;
        }

        /**
         * Appends staged records as they are, without parsing them: for a step that keeps every
         * record. The separating newline may leave a blank line, which readers skip.
         */
        public void copy(InputStream staged) {
            try {
                json.writeRaw('\n');
                json.flush();
                staged.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("copying staged records", e);
            }
        }

        private void writeValue(Object value) throws IOException {
            if (value instanceof Long l) {
                json.writeNumber(l);
            } else if (value instanceof BigInteger i) {
                json.writeNumber(i);
            } else if (value instanceof BigDecimal d) {
                json.writeNumber(d);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                json.writeString(value.toString());
            }
        }

        @Override
        public void close() {
            try {
                json.writeRaw('\n');
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException("writing staged records", e);
            }
        }
    }

    /** The line and key of a staged record. */
    public record Keyed(long line, String key) {}

    /** Reads records back with the types the schema gives them. */
    public static final class Reader implements Closeable {

        private final JsonParser json;
        private final InputStream in;
        private final Map<String, FieldType> types = new HashMap<>();

        public Reader(InputStream in, Schema schema) {
            this.in = in;
            for (Field field : schema.fields()) {
                types.put(field.name(), field.type());
            }
            try {
                json = JSON.createParser(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record, or null at the end. */
        public ProcessedRecord next() {
            try {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                long line = 0;
                String key = null;
                Map<String, Object> values = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    switch (name) {
                        case "line" -> line = json.getLongValue();
                        case "key" -> key = json.getText();
                        default -> readValues(values);
                    }
                }
                return new ProcessedRecord(line, key, values);
            } catch (IOException e) {
                throw new UncheckedIOException("reading staged records", e);
            }
        }

        /**
         * The next record's line and key, its values skipped unread; null at the end. For a pass
         * that needs only the keys: a fraction of the cost of {@link #next}.
         */
        public Keyed nextKey() {
            try {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                long line = 0;
                String key = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    switch (name) {
                        case "line" -> line = json.getLongValue();
                        case "key" -> key = json.getText();
                        default -> json.skipChildren();
                    }
                }
                return new Keyed(line, key);
            } catch (IOException e) {
                throw new UncheckedIOException("reading staged records", e);
            }
        }

        private void readValues(Map<String, Object> values) throws IOException {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                values.put(name, value(types.get(name), token));
            }
        }

        private Object value(FieldType type, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return json.getBooleanValue();
            }
            if (type == FieldType.DECIMAL) {
                return json.getDecimalValue();
            }
            if (type == FieldType.INTEGER) {
                return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? json.getBigIntegerValue() : (Object) json.getLongValue();
            }
            return json.getText();
        }

        @Override
        public void close() {
            try {
                json.close();
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
