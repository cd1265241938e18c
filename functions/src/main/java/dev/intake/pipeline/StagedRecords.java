package dev.intake.pipeline;

import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The format processed records take between steps: a compact binary stream, because writing
 * every record as JSON and parsing it back was most of the CPU of a large import. Each record is
 * a record tag, its line as a varint, its key, the count of its values, then per value its field
 * name, a type tag and the value: a zigzag varint for a long, the plain text of a decimal or big
 * integer (so no digit is lost), UTF-8 for text; lengths are varints. Values keep their order.
 * A newline byte may stand between records (one closes every stream) and is skipped, so streams
 * can be appended to each other as they are. Streamed both ways: a step holds one record.
 */
public final class StagedRecords {

    // Object keys still end in .jsonl (RunFiles); only the content changed.
    public static final String CONTENT_TYPE = "application/octet-stream";

    private static final int RECORD = 'R';
    private static final int SEPARATOR = '\n';
    private static final int TEXT = 's';
    private static final int LONG = 'l';
    private static final int BIG_INTEGER = 'i';
    private static final int DECIMAL = 'd';
    private static final int TRUE = 't';
    private static final int FALSE = 'f';
    private static final int BUFFER = 1 << 16;

    private StagedRecords() {}

    /** Writes records one by one; closing closes the stream. */
    public static final class Writer implements Closeable {

        private final OutputStream out;
        private final Map<String, byte[]> names = new java.util.HashMap<>();
        private long written;

        public Writer(OutputStream out) {
            this.out = new BufferedOutputStream(out, BUFFER);
        }

        public void write(ProcessedRecord record) {
            try {
                out.write(RECORD);
                writeVarLong(record.line());
                writeText(record.key());
                writeVarLong(record.values().size());
                for (Map.Entry<String, Object> entry : record.values().entrySet()) {
                    writeBytes(names.computeIfAbsent(entry.getKey(), StagedRecords::utf8));
                    writeValue(entry.getValue());
                }
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
         * record.
         */
        public void copy(InputStream staged) {
            try {
                out.flush();
                staged.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("copying staged records", e);
            }
        }

        private void writeValue(Object value) throws IOException {
            if (value instanceof Long l) {
                out.write(LONG);
                writeVarLong((l << 1) ^ (l >> 63));
            } else if (value instanceof BigInteger i) {
                out.write(BIG_INTEGER);
                writeText(i.toString());
            } else if (value instanceof BigDecimal d) {
                out.write(DECIMAL);
                writeText(d.toPlainString());
            } else if (value instanceof Boolean b) {
                out.write(b ? TRUE : FALSE);
            } else {
                out.write(TEXT);
                writeText(value.toString());
            }
        }

        private void writeText(String text) throws IOException {
            writeBytes(utf8(text));
        }

        private void writeBytes(byte[] bytes) throws IOException {
            writeVarLong(bytes.length);
            out.write(bytes);
        }

        private void writeVarLong(long value) throws IOException {
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            out.write((int) rest);
        }

        @Override
        public void close() {
            try {
                out.write(SEPARATOR);
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("writing staged records", e);
            }
        }
    }

    /** The line and key of a staged record. */
    public record Keyed(long line, String key) {}

    /** Reads records back as they were written. */
    public static final class Reader implements Closeable {

        private final DataInputStream in;
        private final byte[][] knownNames;
        private final String[] knownStrings;
        private byte[] buffer = new byte[256];

        /** The schema's field names are shared by every record rather than decoded each time. */
        public Reader(InputStream in, Schema schema) {
            this.in = new DataInputStream(new BufferedInputStream(in, BUFFER));
            List<Field> fields = schema.fields();
            knownNames = new byte[fields.size()][];
            knownStrings = new String[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                knownStrings[i] = fields.get(i).name();
                knownNames[i] = utf8(knownStrings[i]);
            }
        }

        /** The next record, or null at the end. */
        public ProcessedRecord next() {
            try {
                if (!atRecord()) {
                    return null;
                }
                long line = readVarLong();
                String key = readText();
                int count = (int) readVarLong();
                Map<String, Object> values = new LinkedHashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    String name = readName();
                    values.put(name, readValue());
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
                if (!atRecord()) {
                    return null;
                }
                long line = readVarLong();
                String key = readText();
                int count = (int) readVarLong();
                for (int i = 0; i < count; i++) {
                    skip(readVarLong());
                    skipValue();
                }
                return new Keyed(line, key);
            } catch (IOException e) {
                throw new UncheckedIOException("reading staged records", e);
            }
        }

        private boolean atRecord() throws IOException {
            int tag = in.read();
            while (tag == SEPARATOR) {
                tag = in.read();
            }
            if (tag == -1) {
                return false;
            }
            if (tag != RECORD) {
                throw new IOException("staged records corrupt: record tag " + tag);
            }
            return true;
        }

        private Object readValue() throws IOException {
            int tag = in.read();
            return switch (tag) {
                case LONG -> {
                    long zigzag = readVarLong();
                    yield (zigzag >>> 1) ^ -(zigzag & 1);
                }
                case BIG_INTEGER -> new BigInteger(readText());
                case DECIMAL -> new BigDecimal(readText());
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case TEXT -> readText();
                default -> throw new IOException("staged records corrupt: value tag " + tag);
            };
        }

        private void skipValue() throws IOException {
            int tag = in.read();
            switch (tag) {
                case LONG -> readVarLong();
                case BIG_INTEGER, DECIMAL, TEXT -> skip(readVarLong());
                case TRUE, FALSE -> { }
                default -> throw new IOException("staged records corrupt: value tag " + tag);
            }
        }

        private String readName() throws IOException {
            int length = fill(readVarLong());
            for (int i = 0; i < knownNames.length; i++) {
                if (Arrays.equals(knownNames[i], 0, knownNames[i].length, buffer, 0, length)) {
                    return knownStrings[i];
                }
            }
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }

        private String readText() throws IOException {
            int length = fill(readVarLong());
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }

        private int fill(long length) throws IOException {
            int size = Math.toIntExact(length);
            if (size > buffer.length) {
                buffer = new byte[Math.max(size, buffer.length * 2)];
            }
            in.readFully(buffer, 0, size);
            return size;
        }

        private void skip(long length) throws IOException {
            long left = length;
            while (left > 0) {
                int skipped = in.skipBytes((int) Math.min(left, Integer.MAX_VALUE));
                if (skipped <= 0) {
                    throw new EOFException("staged records cut short");
                }
                left -= skipped;
            }
        }

        private long readVarLong() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b == -1) {
                    throw new EOFException("staged records cut short");
                }
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("staged records corrupt: varint too long");
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
