package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StagedRecordsTest {

    private static final Schema SCHEMA = new Schema(List.of("zip_code"), List.of(
            field("zip_code", FieldType.STRING), field("latitude", FieldType.DECIMAL)),
            DuplicateRule.REJECT, ExtraColumns.IGNORE);

    @Nested
    class ReadingKeysOnly {

        @Test
        void gives_each_records_line_and_key_and_skips_its_values() {
            byte[] staged = stage(record(2, "00501", "40.81"), record(3, "00544, \"x\"", "-1.5"));

            StagedRecords.Reader reader = new StagedRecords.Reader(
                    new ByteArrayInputStream(staged), SCHEMA);

            assertThat(reader.nextKey()).isEqualTo(new StagedRecords.Keyed(2, "00501"));
            assertThat(reader.nextKey()).isEqualTo(new StagedRecords.Keyed(3, "00544, \"x\""));
            assertThat(reader.nextKey()).isNull();
        }
    }

    @Nested
    class ReadingKeyHashesOnly {

        @Test
        void hashes_each_keys_utf8_bytes_in_place_and_skips_its_values() {
            String longKey = "é".repeat(70_000);
            byte[] staged = stage(record(2, "00501", "40.81"), record(3, longKey, "-1.5"),
                    record(4, "ß", "0"));
            List<String> hashed = new ArrayList<>();
            StagedRecords.KeyHasher recording = (bytes, from, to) -> {
                hashed.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
                return hashed.size() * 10L;
            };

            StagedRecords.Reader reader = new StagedRecords.Reader(
                    new ByteArrayInputStream(staged), SCHEMA);

            assertThat(reader.nextHashedKey(recording))
                    .isEqualTo(new StagedRecords.HashedKey(2, 10));
            assertThat(reader.nextHashedKey(recording))
                    .isEqualTo(new StagedRecords.HashedKey(3, 20));
            assertThat(reader.nextHashedKey(recording))
                    .isEqualTo(new StagedRecords.HashedKey(4, 30));
            assertThat(reader.nextHashedKey(recording)).isNull();
            assertThat(hashed).containsExactly("00501", longKey, "ß");
        }
    }

    @Nested
    class Copying {

        @Test
        void appends_staged_records_unparsed_between_written_ones() {
            byte[] copied = stage(record(3, "00544", "1.25"), record(4, "00601", "18.16"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (StagedRecords.Writer writer = new StagedRecords.Writer(out)) {
                writer.write(record(2, "00501", "40.81"));
                writer.copy(new ByteArrayInputStream(copied));
                writer.write(record(5, "00602", "-67.18"));
            }

            assertThat(readAll(out.toByteArray())).containsExactly(
                    record(2, "00501", "40.81"), record(3, "00544", "1.25"),
                    record(4, "00601", "18.16"), record(5, "00602", "-67.18"));
        }

        @Test
        void reads_records_written_after_a_copy_that_numbered_the_fields_otherwise() {
            Map<String, Object> reversed = new LinkedHashMap<>();
            reversed.put("latitude", new BigDecimal("1.25"));
            reversed.put("zip_code", "00544");
            ProcessedRecord otherOrder = new ProcessedRecord(3, "00544", reversed);
            byte[] copied = stage(otherOrder);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (StagedRecords.Writer writer = new StagedRecords.Writer(out)) {
                writer.write(record(2, "00501", "40.81"));
                writer.copy(new ByteArrayInputStream(copied));
                writer.write(record(5, "00602", "-67.18"));
            }

            List<ProcessedRecord> read = readAll(out.toByteArray());

            assertThat(read).containsExactly(record(2, "00501", "40.81"), otherOrder,
                    record(5, "00602", "-67.18"));
            assertThat(read.get(2).values().keySet()).containsExactly("zip_code", "latitude");
        }

        @Test
        void refuses_a_field_number_never_named() {
            byte[] staged = {'R', 2, 1, 'k', 1, 4, 's', 1, 'x', '\n'};

            assertThatThrownBy(() -> readAll(staged))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasRootCauseMessage("staged records corrupt: field 4 used before it was"
                            + " named");
        }
    }

    @Nested
    class RoundTrip {

        @Test
        void reads_back_every_value_type_in_order_including_values_longer_than_the_buffer() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("zip_code", "é".repeat(70_000));
            values.put("latitude", new BigDecimal("-0.000120"));
            values.put("count", -3L);
            values.put("big", new java.math.BigInteger("123456789012345678901234567890"));
            values.put("active", Boolean.FALSE);
            values.put("extra column", "ü");
            ProcessedRecord written = new ProcessedRecord(70_000, "k".repeat(70_000), values);

            List<ProcessedRecord> read = readAll(stage(written, record(70_001, "00501", "1")));

            assertThat(read).containsExactly(written, record(70_001, "00501", "1"));
            assertThat(read.get(0).values().keySet()).containsExactly(
                    "zip_code", "latitude", "count", "big", "active", "extra column");
        }
    }

    @Nested
    class Decimals {

        static final List<String> DECIMALS = List.of("0", "0.0", "-0.00", "0.05", "-72.637078",
                "40.922326", "7.50", "123456789012345678", "-12345678901234567.8",
                "0.123456789012345678", "0.000000000000000001", "1234567890123456789",
                "0.0000000000000000001", "1E+3", "-4.5E+7", "1E-20", "99999999999999999999.5",
                "-999999999999999999", "-0.000120", "922337203685477580.7");

        @Test
        void writes_a_short_decimal_as_its_unscaled_long_and_scale_and_any_other_as_its_text() {
            for (String text : DECIMALS) {
                BigDecimal decimal = new BigDecimal(text);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("latitude", decimal);

                byte[] staged = stage(new ProcessedRecord(2, "k", values));

                boolean isShort = decimal.scale() >= 0 && decimal.scale() <= 18
                        && decimal.precision() <= 18;
                byte[] value = isShort
                        ? concat(new byte[] {'D'},
                                varint(zigzag(decimal.unscaledValue().longValueExact())),
                                varint(decimal.scale()))
                        : concat(new byte[] {'d', (byte) decimal.toPlainString().length()},
                                utf8(decimal.toPlainString()));
                assertThat(staged).as(text).isEqualTo(concat(new byte[] {'N', 0, 8},
                        utf8("latitude"), new byte[] {'R', 2, 1, 'k', 1, 0}, value,
                        new byte[] {'\n'}));
                // equals compares the scale too: 7.50 comes back as 7.50, not 7.5.
                assertThat(readAll(staged).get(0).values().get("latitude")).as(text)
                        .isEqualTo(new BigDecimal(decimal.toPlainString()));
            }
        }

        @Test
        void names_each_field_once_and_then_writes_its_number() {
            byte[] staged = stage(record(2, "a", "1.5"), record(3, "b", "-0.25"));

            assertThat(staged).isEqualTo(concat(
                    new byte[] {'N', 0, 8}, utf8("zip_code"), new byte[] {'N', 1, 8},
                    utf8("latitude"),
                    new byte[] {'R', 2, 1, 'a', 2, 0, 's', 1, 'a', 1, 'D', 30, 1},
                    new byte[] {'R', 3, 1, 'b', 2, 0, 's', 1, 'b', 1, 'D', 49, 2},
                    new byte[] {'\n'}));
        }

        @Test
        void gives_back_boundary_decimals_with_their_scale_through_every_way_of_reading() {
            List<String> boundaries = List.of("999999999999999999", "-999999999999999999",
                    "1000000000000000000", "-1000000000000000000", "0.999999999999999999",
                    "-0.999999999999999999", "0.9999999999999999999", "0E-18", "0E-19", "0E+2",
                    "-922337203685477580.8", "922337203685477580.7", "1E-18", "-1E-19",
                    "0.000000000000000000", "-5.000000000000000000");
            List<ProcessedRecord> records = new ArrayList<>();
            for (int i = 0; i < boundaries.size(); i++) {
                records.add(record(i + 2, "k" + i, boundaries.get(i)));
            }
            byte[] staged = stage(records.toArray(new ProcessedRecord[0]));

            List<ProcessedRecord> read = readAll(staged);
            for (int i = 0; i < boundaries.size(); i++) {
                BigDecimal written = new BigDecimal(boundaries.get(i));
                BigDecimal back = (BigDecimal) read.get(i).values().get("latitude");
                // A negative scale comes back as the plain text's scale, as before 'D' existed.
                BigDecimal expected = written.scale() < 0 ? written.setScale(0) : written;
                assertThat(back).as(boundaries.get(i)).isEqualTo(expected);
            }
            StagedRecords.Reader keys = new StagedRecords.Reader(
                    new ByteArrayInputStream(staged), SCHEMA);
            StagedRecords.Reader hashes = new StagedRecords.Reader(
                    new ByteArrayInputStream(staged), SCHEMA);
            for (int i = 0; i < boundaries.size(); i++) {
                assertThat(keys.nextKey()).isEqualTo(new StagedRecords.Keyed(i + 2, "k" + i));
                assertThat(hashes.nextHashedKey(KeyHashes::hash)).isEqualTo(
                        new StagedRecords.HashedKey(i + 2, KeyHashes.hash("k" + i)));
            }
            assertThat(keys.nextKey()).isNull();
            assertThat(hashes.nextHashedKey(KeyHashes::hash)).isNull();
        }

        private static long zigzag(long value) {
            return (value << 1) ^ (value >> 63);
        }

        private static byte[] varint(long value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rest = value;
            while ((rest & ~0x7FL) != 0) {
                out.write((int) (rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            out.write((int) rest);
            return out.toByteArray();
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }
    }

    private static List<ProcessedRecord> readAll(byte[] staged) {
        List<ProcessedRecord> records = new ArrayList<>();
        try (StagedRecords.Reader reader = new StagedRecords.Reader(
                new ByteArrayInputStream(staged), SCHEMA)) {
            for (ProcessedRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    private static byte[] stage(ProcessedRecord... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StagedRecords.Writer writer = new StagedRecords.Writer(out)) {
            for (ProcessedRecord record : records) {
                writer.write(record);
            }
        }
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).endsWith("\n");
        return out.toByteArray();
    }

    private static ProcessedRecord record(long line, String zip, String latitude) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("zip_code", zip);
        values.put("latitude", new BigDecimal(latitude));
        return new ProcessedRecord(line, zip, values);
    }

    private static Field field(String name, FieldType type) {
        return new Field(name, type, true, null, null, null, null, null, null, null);
    }
}
