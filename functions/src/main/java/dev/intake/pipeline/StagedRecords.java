package dev.intake.pipeline;

import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import dev.intake.port.FrozenValues;
import dev.intake.port.FrozenValues.Names;
import dev.intake.port.ShortDecimal;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The format processed records take between steps: a compact binary stream, because writing
 * every record as JSON and parsing it back was most of the CPU of a large import. Each record is
 * a record tag, its line as a varint, its key, the count of its values, then per value its field
 * number, a type tag and the value: a zigzag varint for a long, a short decimal's unscaled long
 * (zigzag) and scale, the plain text of any other decimal or big integer (so no digit is lost),
 * UTF-8 for text; lengths are varints. Values keep their order.
 * A field number stands for the name a name entry gave it earlier in the stream (a name tag, the
 * number, the name), so that a million records do not carry their field names a million times.
 * A newline byte may stand between records (one closes every stream) and is skipped. Streams can
 * be appended to each other as they are: each names its fields before using them, and a later
 * name entry for a number replaces the earlier one. Streamed both ways: a step holds one record.
 */
public final class StagedRecords {

    public static final String CONTENT_TYPE = "application/octet-stream";

    private static final int RECORD = 'R';
    private static final int NAME = 'N';
    private static final int SEPARATOR = '\n';
    private static final int TEXT = 's';
    private static final int LONG = 'l';
    private static final int BIG_INTEGER = 'i';
    private static final int DECIMAL = 'd';
    private static final int SHORT_DECIMAL = 'D';
    private static final int TRUE = 't';
    private static final int FALSE = 'f';
    private static final int BUFFER = 1 << 16;
    private static final int RECORD_ROOM = 1 << 12;
    private static final int COPY_CHUNK = 1 << 20;
    private static final int MAX_VARINT_BYTES = 10;

    private StagedRecords() {}

    /** Writes records one by one; closing closes the stream. */
    public static final class Writer implements Closeable {

        private final OutputStream out;
        private final Map<String, Integer> numbers = new HashMap<>();
        private String[] lastNames = new String[0];
        private int[] lastNumbers = new int[0];
        // Own buffer: BufferedOutputStream locks on every call, which shows at a few calls a value.
        private final byte[] buffer = new byte[BUFFER];
        private int count;
        private long written;

        public Writer(OutputStream out) {
            this.out = out;
        }

        public void write(ProcessedRecord record) {
            try {
                // Room for a usual record up front. The buffer then fills up here, at a check
                // the JIT sees taken every few hundred records, and not inside a value, where a
                // check it had never seen taken cost a deoptimisation and a recompile of this
                // whole method each time (three times in a million rows).
                if (buffer.length - count < RECORD_ROOM) {
                    flushBuffer();
                }
                // Frozen when the record was made: read by position, no map iteration.
                FrozenValues values = FrozenValues.of(record.values());
                numberFields(values.names());
                writeByte(RECORD);
                writeVarLong(record.line());
                writeText(record.key());
                writeVarLong(values.size());
                for (int position = 0; position < values.size(); position++) {
                    writeVarLong(lastNumbers[position]);
                    writeValue(values.valueAt(position));
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
                flushBuffer();
                // 1 MB at a time where transferTo uses 8 KB: each write to an object store
                // stream can cost a digest update and a system call.
                byte[] chunk = new byte[COPY_CHUNK];
                for (int read = staged.read(chunk); read >= 0; read = staged.read(chunk)) {
                    out.write(chunk, 0, read);
                }
                // The copied stream may have given our numbers other names: name them again.
                numbers.clear();
                Arrays.fill(lastNames, null);
            } catch (IOException e) {
                throw new UncheckedIOException("copying staged records", e);
            }
        }

        /**
         * Leaves the number of each field in {@code lastNumbers}, in order, writing a name entry
         * first for each name not yet numbered. Records of one step hold the same name instances
         * in the same places, so the name last seen at a place is tried by identity before the
         * map.
         */
        private void numberFields(Names names) throws IOException {
            if (names.size() > lastNames.length) {
                lastNames = Arrays.copyOf(lastNames, names.size() + 8);
                lastNumbers = Arrays.copyOf(lastNumbers, names.size() + 8);
            }
            for (int position = 0; position < names.size(); position++) {
                String name = names.nameAt(position);
                if (lastNames[position] != name) {
                    lastNames[position] = name;
                    lastNumbers[position] = number(name);
                }
            }
        }

        private int number(String name) throws IOException {
            Integer known = numbers.get(name);
            if (known != null) {
                return known;
            }
            int number = numbers.size();
            numbers.put(name, number);
            writeByte(NAME);
            writeVarLong(number);
            writeText(name);
            return number;
        }

        private void writeValue(Object value) throws IOException {
            if (value instanceof Long l) {
                writeByte(LONG);
                writeZigzag(l);
            } else if (value instanceof BigInteger i) {
                writeByte(BIG_INTEGER);
                writeText(i.toString());
            } else if (value instanceof BigDecimal d) {
                writeDecimal(d);
            } else if (value instanceof Boolean b) {
                writeByte(b ? TRUE : FALSE);
            } else {
                writeByte(TEXT);
                writeText(value.toString());
            }
        }

        /**
         * A {@link ShortDecimal} as its unscaled long and its scale, which the reader turns back
         * into the same BigDecimal without parsing; any other decimal as its plain text.
         */
        private void writeDecimal(BigDecimal d) throws IOException {
            if (!ShortDecimal.isShort(d)) {
                writeByte(DECIMAL);
                writeText(d.toPlainString());
                return;
            }
            writeByte(SHORT_DECIMAL);
            writeZigzag(ShortDecimal.unscaled(d));
            writeVarLong(d.scale());
        }

        /**
         * A short ASCII text, the common case, goes into the buffer char by char, its length a
         * single varint byte; UTF-8 of ASCII is the chars themselves, so the bytes are those of
         * the general path, which any other text takes.
         */
        private void writeText(String text) throws IOException {
            int length = text.length();
            if (length < 0x80 && buffer.length - count > length) {
                int start = count + 1;
                for (int i = 0; i < length; i++) {
                    char c = text.charAt(i);
                    if (c >= 0x80) {
                        writeBytes(utf8(text));
                        return;
                    }
                    buffer[start + i] = (byte) c;
                }
                buffer[count] = (byte) length;
                count = start + length;
                return;
            }
            writeBytes(utf8(text));
        }

        private void writeBytes(byte[] bytes) throws IOException {
            writeVarLong(bytes.length);
            if (bytes.length > buffer.length - count) {
                flushBuffer();
            }
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
            System.arraycopy(bytes, 0, buffer, count, bytes.length);
            count += bytes.length;
        }

        /** A signed long as a varint whose length grows with its magnitude, not its sign. */
        private void writeZigzag(long value) throws IOException {
            writeVarLong((value << 1) ^ (value >> 63));
        }

        private void writeVarLong(long value) throws IOException {
            if (buffer.length - count < MAX_VARINT_BYTES) {
                flushBuffer();
            }
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                buffer[count++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            buffer[count++] = (byte) rest;
        }

        private void writeByte(int value) throws IOException {
            if (count == buffer.length) {
                flushBuffer();
            }
            buffer[count++] = (byte) value;
        }

        private void flushBuffer() throws IOException {
            out.write(buffer, 0, count);
            count = 0;
        }

        @Override
        public void close() {
            try {
                writeByte(SEPARATOR);
                flushBuffer();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("writing staged records", e);
            }
        }
    }

    /** The line and key of a staged record. */
    public record Keyed(long line, String key) {}

    /** The line of a staged record and the hash of its key's bytes. */
    public record HashedKey(long line, long hash) {}

    /** A 64-bit hash of the bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    public interface KeyHasher {
        long hash(byte[] bytes, int from, int to);
    }

    /** Reads records back as they were written. */
    public static final class Reader implements Closeable {

        private final InputStream in;
        private final Map<String, String> schemaNames = new HashMap<>();
        private final RecordShapes shapes = new RecordShapes();
        // The name of each field number, as the stream's name entries gave them so far.
        private String[] numbered = new String[0];
        private String[] names = new String[0];
        // Own buffer: BufferedInputStream locks on every call, which shows at a few calls a value.
        private byte[] buffer = new byte[BUFFER];
        private int position;
        private int limit;
        private boolean endOfInput;

        /** The schema's field names are shared by every record rather than decoded each time. */
        public Reader(InputStream in, Schema schema) {
            this.in = in;
            for (Field field : schema.fields()) {
                schemaNames.put(field.name(), field.name());
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
                if (names.length < count) {
                    names = new String[count];
                }
                Object[] values = new Object[count];
                for (int i = 0; i < count; i++) {
                    names[i] = readName();
                    values[i] = readValue();
                }
                return new ProcessedRecord(line, key,
                        FrozenValues.adopt(shapes.of(names, count), values));
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
                skipValues();
                return new Keyed(line, key);
            } catch (IOException e) {
                throw new UncheckedIOException("reading staged records", e);
            }
        }

        /**
         * The next record's line and a hash of its key's UTF-8 bytes, taken where they lie in the
         * buffer, its values skipped unread; null at the end. For a pass that only asks whether
         * any key repeats: it decodes no key and allocates no String, unlike {@link #nextKey}.
         */
        public HashedKey nextHashedKey(KeyHasher hasher) {
            try {
                if (!atRecord()) {
                    return null;
                }
                long line = readVarLong();
                int length = available(readVarLong());
                long hash = hasher.hash(buffer, position, position + length);
                position += length;
                skipValues();
                return new HashedKey(line, hash);
            } catch (IOException e) {
                throw new UncheckedIOException("reading staged records", e);
            }
        }

        private void skipValues() throws IOException {
            int count = (int) readVarLong();
            for (int i = 0; i < count; i++) {
                readVarLong();
                skipValue();
            }
        }

        /** Reads on to the next record tag, taking in the name entries on the way. */
        private boolean atRecord() throws IOException {
            // A usual record's bytes in the buffer up front, for the reason the writer leaves
            // room: the refill then happens here, and not in the middle of a value.
            if (limit - position < RECORD_ROOM && !endOfInput) {
                readAhead();
            }
            int tag = readByte();
            while (tag == SEPARATOR || tag == NAME) {
                if (tag == NAME) {
                    readNameEntry();
                }
                tag = readByte();
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
            int tag = readByte();
            return switch (tag) {
                case LONG -> readZigzag();
                case BIG_INTEGER -> new BigInteger(readText());
                case DECIMAL -> new BigDecimal(readText());
                case SHORT_DECIMAL -> BigDecimal.valueOf(readZigzag(), (int) readVarLong());
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case TEXT -> readText();
                default -> throw new IOException("staged records corrupt: value tag " + tag);
            };
        }

        private void skipValue() throws IOException {
            int tag = readByte();
            switch (tag) {
                case LONG -> readVarLong();
                case SHORT_DECIMAL -> {
                    readVarLong();
                    readVarLong();
                }
                case BIG_INTEGER, DECIMAL, TEXT -> skip(readVarLong());
                case TRUE, FALSE -> { }
                default -> throw new IOException("staged records corrupt: value tag " + tag);
            }
        }

        /** A field number and the name it stands for, as the schema's own String if it is one. */
        private void readNameEntry() throws IOException {
            int number = Math.toIntExact(readVarLong());
            String name = readText();
            if (number >= numbered.length) {
                numbered = Arrays.copyOf(numbered, Math.max(number + 1, numbered.length * 2));
            }
            numbered[number] = schemaNames.getOrDefault(name, name);
        }

        private String readName() throws IOException {
            long number = readVarLong();
            String name = number < numbered.length ? numbered[(int) number] : null;
            if (name == null) {
                throw new IOException("staged records corrupt: field " + number
                        + " used before it was named");
            }
            return name;
        }

        private String readText() throws IOException {
            return decode(available(readVarLong()));
        }

        private String decode(int length) {
            String text = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        /** Makes the next {@code length} bytes stand together in the buffer, grown if need be. */
        private int available(long length) throws IOException {
            int size = Math.toIntExact(length);
            if (limit - position < size) {
                byte[] target = size > buffer.length ? new byte[size] : buffer;
                System.arraycopy(buffer, position, target, 0, limit - position);
                buffer = target;
                limit -= position;
                position = 0;
                while (limit < size) {
                    int read = in.read(buffer, limit, buffer.length - limit);
                    if (read < 0) {
                        throw new EOFException("staged records cut short");
                    }
                    limit += read;
                }
            }
            return size;
        }

        /** Moves what is left to the front and reads until the buffer is full or input ends. */
        private void readAhead() throws IOException {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            while (limit < buffer.length) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    endOfInput = true;
                    return;
                }
                limit += read;
            }
        }

        private void skip(long length) throws IOException {
            long left = length;
            while (left > 0) {
                if (position == limit && !refill()) {
                    throw new EOFException("staged records cut short");
                }
                int skipped = (int) Math.min(left, limit - position);
                position += skipped;
                left -= skipped;
            }
        }

        private int readByte() throws IOException {
            if (position == limit && !refill()) {
                return -1;
            }
            return buffer[position++] & 0xFF;
        }

        private boolean refill() throws IOException {
            int read = 0;
            while (read == 0) {
                read = in.read(buffer, 0, buffer.length);
            }
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        private long readZigzag() throws IOException {
            long zigzag = readVarLong();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        private long readVarLong() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
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
