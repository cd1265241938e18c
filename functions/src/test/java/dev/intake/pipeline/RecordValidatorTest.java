package dev.intake.pipeline;

import static dev.intake.testing.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobDefinition;
import dev.intake.pipeline.RecordValidator.Outcome;
import dev.intake.read.ColumnMap;
import dev.intake.read.RowProblem;
import dev.intake.read.SourceRow;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

    /** Validates one value of a one-field job whose field is declared as {@code field}. */
    static Outcome check(String field, String value) {
        return check(field, null, value);
    }

    static Outcome check(String field, String locale, String value) {
        JobDefinition job = job("""
                id: values
                format: { locale: %s }
                schema:
                  key: [id]
                  fields:
                    - { name: id }
                    - %s
                """.formatted(locale == null ? "null" : locale, field));
        RecordValidator validator = new RecordValidator(job, ColumnMap.inSchemaOrder(job.schema()));
        return validator.validate(new SourceRow(7, List.of("k", value)));
    }

    static Object valueOf(Outcome outcome) {
        assertThat(outcome.errors()).isEmpty();
        return outcome.record().values().get("v");
    }

    static String errorOf(Outcome outcome) {
        assertThat(outcome.errors()).hasSize(1);
        return outcome.errors().get(0).code() + " " + outcome.errors().get(0).message();
    }

    @Nested
    class SpreadsheetDamage {

        static final String ZIP = "{ name: v, pattern: \"^[0-9]{5}$\" }";

        @Test
        void rejectsAZipThatLostItsLeadingZero() {
            assertThat(errorOf(check(ZIP, "2138"))).isEqualTo(
                    "PATTERN_MISMATCH v: \"2138\" does not match pattern ^[0-9]{5}$");
        }

        @Test
        void matchesThePatternAgainstTheWholeValueEvenWithoutAnchors() {
            assertThat(errorOf(check("{ name: v, pattern: \"[0-9]{5}\" }", "021380")))
                    .isEqualTo("PATTERN_MISMATCH v: \"021380\" does not match pattern [0-9]{5}");
        }

        @Test
        void keepsLeadingZerosOfTextFields() {
            assertThat(valueOf(check(ZIP, " 02138 "))).isEqualTo("02138");
        }

        @Test
        void rejectsAnIdInScientificNotationAsAnIntegerOrAsPatternedText() {
            assertThat(errorOf(check("{ name: v, type: integer }", "8.96529E+19"))).isEqualTo(
                    "INVALID_INTEGER v: \"8.96529E+19\" is not a whole number; write digits "
                            + "only, such as 42 (a spreadsheet may have shortened it to "
                            + "scientific notation)");
            assertThat(errorOf(check("{ name: v, pattern: \"^[0-9]+$\" }", "8.96529E+19")))
                    .isEqualTo("PATTERN_MISMATCH v: \"8.96529E+19\" does not match pattern "
                            + "^[0-9]+$");
        }

        @Test
        void keepsIntegersUpToSigned64BitsExactly() {
            assertThat(valueOf(check("{ name: v, type: integer }", "9223372036854775807")))
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(valueOf(check("{ name: v, type: integer }", "-9223372036854775808")))
                    .isEqualTo(Long.MIN_VALUE);
            assertThat(valueOf(check("{ name: v, type: integer }", "-42"))).isEqualTo(-42L);
        }

        @Test
        void rejectsAWholeNumberBeyondSigned64BitsNamingTheTypesThatHoldIt() {
            assertThat(errorOf(check("{ name: v, type: integer }", "99999999999999999999999")))
                    .isEqualTo("INVALID_INTEGER v: \"99999999999999999999999\" is outside the "
                            + "whole-number range -9223372036854775808 to 9223372036854775807; "
                            + "declare the field as decimal or string");
            assertThat(errorOf(check("{ name: v, type: integer }", "9223372036854775808")))
                    .isEqualTo("INVALID_INTEGER v: \"9223372036854775808\" is outside the "
                            + "whole-number range -9223372036854775808 to 9223372036854775807; "
                            + "declare the field as decimal or string");
            assertThat(errorOf(check("{ name: v, type: integer }", "-9223372036854775809")))
                    .startsWith("INVALID_INTEGER v: \"-9223372036854775809\" is outside");
        }

        @Test
        void readsLeadingZerosOfAnIntegerAsTheSameNumber() {
            assertThat(valueOf(check("{ name: v, type: integer }", "007"))).isEqualTo(7L);
        }
    }

    @Nested
    class JsonLinesValues {

        @Test
        void refusesAnExponentAsADecimalAsInCsv() {
            assertThat(errorOf(check("{ name: v, type: decimal }", "1e400")))
                    .isEqualTo("INVALID_DECIMAL v: \"1e400\" is not a decimal number; write it "
                            + "like 1234.56, or declare format.locale");
        }

        @Test
        void namesTheFieldOfARowProblemThatHasOne() {
            JobDefinition job = job("id: values\nschema: {key: [id], fields: [{name: id}]}");
            RecordValidator validator =
                    new RecordValidator(job, ColumnMap.inSchemaOrder(job.schema()));

            Outcome outcome = validator.validate(new SourceRow(4, List.of("[1]"),
                    new RowProblem("NESTED_VALUE", "id: an array is not a value", "id")));

            assertThat(outcome.errors()).containsExactly(
                    new RowError(4, "id", "NESTED_VALUE", "id: an array is not a value"));
        }
    }

    @Nested
    class Dates {

        static final String DAY_FIRST = "{ name: v, type: date, formats: [dd/MM/yyyy] }";

        @Test
        void readsDayFirstDates() {
            assertThat(valueOf(check(DAY_FIRST, "03/04/2021"))).isEqualTo("2021-04-03");
            assertThat(valueOf(check(DAY_FIRST, "15/04/2021"))).isEqualTo("2021-04-15");
        }

        @Test
        void refusesADateThatDoesNotExist() {
            assertThat(errorOf(check(DAY_FIRST, "31/02/2021"))).isEqualTo(
                    "INVALID_DATE v: \"31/02/2021\" is not a date in the format dd/MM/yyyy");
        }

        @Test
        void keepsADateOnlyValueWhateverTheTimeZone() {
            TimeZone before = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
                assertThat(valueOf(check("{ name: v, type: date }", "2024-04-09")))
                        .isEqualTo("2024-04-09");
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago"));
                assertThat(valueOf(check("{ name: v, type: date }", "2024-04-09")))
                        .isEqualTo("2024-04-09");
            } finally {
                TimeZone.setDefault(before);
            }
        }

        @Test
        void normalisesTimestampsToUtcInstantsAndRefusesOnesWithoutZone() {
            String field = "{ name: v, type: timestamp }";
            assertThat(valueOf(check(field, "2024-04-09T10:15:00+02:00")))
                    .isEqualTo("2024-04-09T08:15:00Z");
            assertThat(errorOf(check(field, "2024-04-09T10:15:00"))).isEqualTo(
                    "INVALID_TIMESTAMP v: \"2024-04-09T10:15:00\" has no time zone; add Z or an"
                            + " offset, such as 2024-04-09T10:15:00+02:00");
        }
    }

    @Nested
    class Decimals {

        static final String PRICE = "{ name: v, type: decimal }";

        @Test
        void storesExactlyTheDigitsWritten() {
            assertThat(valueOf(check(PRICE, "13.2"))).isEqualTo(new BigDecimal("13.2"));
            assertThat(valueOf(check(PRICE, "0.1"))).isEqualTo(new BigDecimal("0.1"));
        }

        @Test
        void rejectsGroupingAndCommasWithoutALocale() {
            for (String value : List.of("1.234,56", "1,234.56", "9,99", "1e3")) {
                assertThat(errorOf(check(PRICE, value))).isEqualTo("INVALID_DECIMAL v: \""
                        + value + "\" is not a decimal number; write it like 1234.56, or "
                        + "declare format.locale");
            }
        }

        @Test
        void readsGermanSeparatorsUnderDeDe() {
            assertThat(valueOf(check(PRICE, "de-DE", "1.234,56")))
                    .isEqualTo(new BigDecimal("1234.56"));
            assertThat(valueOf(check(PRICE, "de-DE", "9,99"))).isEqualTo(new BigDecimal("9.99"));
            assertThat(errorOf(check(PRICE, "de-DE", "1,234.56"))).startsWith("INVALID_DECIMAL");
        }

        @Test
        void readsUsSeparatorsUnderEnUsAndNeverGuessesNineNinetyNine() {
            assertThat(valueOf(check(PRICE, "en-US", "1,234.56")))
                    .isEqualTo(new BigDecimal("1234.56"));
            assertThat(errorOf(check(PRICE, "en-US", "9,99"))).isEqualTo("INVALID_DECIMAL v: "
                    + "\"9,99\" is not a decimal number; write it like 1,234.56, or declare "
                    + "format.locale");
            assertThat(errorOf(check(PRICE, "en-US", "1.234,56"))).startsWith("INVALID_DECIMAL");
        }

        @Test
        void checksTheRange() {
            assertThat(errorOf(check("{ name: v, type: decimal, min: -90, max: 90 }", "90.5")))
                    .isEqualTo("ABOVE_MAX v: \"90.5\" is above the maximum 90");
        }
    }

    @Nested
    class WholeNumberRanges {

        @Test
        void checksWholeBoundsAtTheirEdges() {
            String field = "{ name: v, type: integer, min: 1, max: 100 }";
            assertThat(valueOf(check(field, "1"))).isEqualTo(1L);
            assertThat(valueOf(check(field, "100"))).isEqualTo(100L);
            assertThat(errorOf(check(field, "0")))
                    .isEqualTo("BELOW_MIN v: \"0\" is below the minimum 1");
            assertThat(errorOf(check(field, "101")))
                    .isEqualTo("ABOVE_MAX v: \"101\" is above the maximum 100");
        }

        @Test
        void comparesExactlyWithBoundsThatAreNotWholeOrNotLongs() {
            String halves = "{ name: v, type: integer, min: 0.5, max: 10.5 }";
            assertThat(valueOf(check(halves, "1"))).isEqualTo(1L);
            assertThat(valueOf(check(halves, "10"))).isEqualTo(10L);
            assertThat(errorOf(check(halves, "0")))
                    .isEqualTo("BELOW_MIN v: \"0\" is below the minimum 0.5");
            assertThat(errorOf(check(halves, "11")))
                    .isEqualTo("ABOVE_MAX v: \"11\" is above the maximum 10.5");

            String huge = "{ name: v, type: integer, max: 99999999999999999999 }";
            assertThat(valueOf(check(huge, "9223372036854775807")))
                    .isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    class DecimalRanges {

        @Test
        void checksDecimalsAtBoundsWithMoreOrFewerDecimalsThanTheValue() {
            String field = "{ name: v, type: decimal, min: -90.0000005, max: 90.25 }";
            assertThat(valueOf(check(field, "-90"))).isEqualTo(new BigDecimal("-90"));
            assertThat(valueOf(check(field, "-90.000000")))
                    .isEqualTo(new BigDecimal("-90.000000"));
            assertThat(valueOf(check(field, "90.2500000")))
                    .isEqualTo(new BigDecimal("90.2500000"));
            assertThat(errorOf(check(field, "-90.000001"))).isEqualTo(
                    "BELOW_MIN v: \"-90.000001\" is below the minimum -90.0000005");
            assertThat(errorOf(check(field, "90.3"))).isEqualTo(
                    "ABOVE_MAX v: \"90.3\" is above the maximum 90.25");
            assertThat(errorOf(check(field, "91"))).isEqualTo(
                    "ABOVE_MAX v: \"91\" is above the maximum 90.25");
        }

        @Test
        void checksValuesAgainstBoundsWithExponentsFarBeyondAnyValue() {
            // A job may write "no real limit" as a huge bound; an exact comparison handles it.
            String decimal = "{ name: v, type: decimal, min: \"-1e1000000000\", max: 10 }";
            String integer = "{ name: v, type: integer, max: \"1e1000000000\" }";

            assertThat(valueOf(check(decimal, "-72.637078")))
                    .isEqualTo(new BigDecimal("-72.637078"));
            assertThat(errorOf(check(decimal, "10.5"))).isEqualTo(
                    "ABOVE_MAX v: \"10.5\" is above the maximum 10");
            assertThat(valueOf(check(integer, "-5"))).isEqualTo(-5L);
        }

        @Test
        void agreesWithAnExactComparisonOnRandomValuesAndBounds() {
            Random random = new Random(20261204);
            for (int i = 0; i < 2_000; i++) {
                BigDecimal min = randomDecimal(random, 4);
                BigDecimal max = min.add(randomDecimal(random, 4).abs());
                BigDecimal low = random.nextInt(5) == 0 ? null : min;
                BigDecimal high = random.nextInt(5) == 0 ? null : max;
                FieldCheck check = new FieldCheck(new Field("v", FieldType.DECIMAL, false, null,
                        low, high, null, null, null, null), false, null);
                for (int j = 0; j < 50; j++) {
                    // Values near the bounds, with up to 20 decimals: both sides of scale 18.
                    BigDecimal near = (random.nextBoolean() ? min : max)
                            .add(randomDecimal(random, 20).movePointLeft(random.nextInt(6)));
                    BigDecimal value = random.nextInt(10) == 0 ? near.negate() : near;
                    List<RowError> errors = new ArrayList<>();

                    Object typed = check.check(value.toPlainString(), 2, errors);

                    boolean inRange = (low == null || value.compareTo(low) >= 0)
                            && (high == null || value.compareTo(high) <= 0);
                    assertThat(typed != null).as(value + " in " + min + ".." + max)
                            .isEqualTo(inRange);
                    assertThat(errors.isEmpty()).isEqualTo(inRange);
                }
            }
        }

        @Test
        void checksWholeNumbersAgainstFractionalAndOutOfRangeBoundsExactly() {
            Random random = new Random(4122026);
            BigDecimal[] edges = {new BigDecimal(Long.MIN_VALUE), new BigDecimal(Long.MAX_VALUE),
                BigDecimal.ZERO, new BigDecimal("1e19"), new BigDecimal("-1e19")};
            for (int i = 0; i < 2_000; i++) {
                BigDecimal min = edges[random.nextInt(edges.length)]
                        .add(randomDecimal(random, 20));
                BigDecimal max = min.add(randomDecimal(random, 20).abs());
                FieldCheck check = new FieldCheck(new Field("v", FieldType.INTEGER, false, null,
                        min, max, null, null, null, null), false, null);
                for (int j = 0; j < 20; j++) {
                    BigDecimal near = (random.nextBoolean() ? min : max)
                            .add(BigDecimal.valueOf(random.nextInt(5) - 2))
                            .setScale(0, RoundingMode.DOWN);
                    if (near.toBigIntegerExact().bitLength() >= Long.SIZE) {
                        continue;
                    }
                    List<RowError> errors = new ArrayList<>();

                    Object typed = check.check(near.toPlainString(), 2, errors);

                    boolean inRange = near.compareTo(min) >= 0 && near.compareTo(max) <= 0;
                    assertThat(typed).as(near + " in " + min + ".." + max)
                            .isEqualTo(inRange ? near.longValueExact() : null);
                    assertThat(errors).hasSize(inRange ? 0 : 1);
                }
            }
        }

        private static BigDecimal randomDecimal(Random random, int maxScale) {
            long unscaled = random.nextLong() % 10_000_000_000L;
            return BigDecimal.valueOf(unscaled, random.nextInt(maxScale + 1));
        }
    }

    @Nested
    class OtherTypes {

        @Test
        void acceptsRealEmailAddresses() {
            String field = "{ name: v, type: email }";
            assertThat(valueOf(check(field, "o'brien@example.com")))
                    .isEqualTo("o'brien@example.com");
            assertThat(valueOf(check(field, "user+tag@example.com")))
                    .isEqualTo("user+tag@example.com");
            assertThat(errorOf(check(field, "user@@example.com"))).isEqualTo("INVALID_EMAIL v: "
                    + "\"user@@example.com\" is not an email address; write it like "
                    + "name@example.com");
        }

        @Test
        void readsBooleansEnumsAndUrls() {
            assertThat(valueOf(check("{ name: v, type: boolean }", "Yes"))).isEqualTo(true);
            assertThat(valueOf(check("{ name: v, type: enum, values: [Open, Closed] }", "open")))
                    .isEqualTo("Open");
            assertThat(errorOf(check("{ name: v, type: url }", "ftp://x.org"))).isEqualTo(
                    "INVALID_URL v: \"ftp://x.org\" is not a web address; write it like "
                            + "https://example.com/page");
        }

        @Test
        void cutsLongValuesInMessages() {
            assertThat(errorOf(check("{ name: v, maxLength: 100 }", "x".repeat(10_000))))
                    .isEqualTo("TOO_LONG v: has 10000 characters, more than the 100 allowed");
            assertThat(errorOf(check("{ name: v, pattern: \"^a$\" }", "y".repeat(50))))
                    .isEqualTo("PATTERN_MISMATCH v: \"" + "y".repeat(40) + "...\" (50 "
                            + "characters) does not match pattern ^a$");
        }
    }

    @Nested
    class Rows {

        @Test
        void reportsEveryFailingFieldOfARow() {
            JobDefinition job = job("""
                    id: people
                    schema:
                      key: [id]
                      fields:
                        - { name: id, type: integer }
                        - { name: email, type: email, required: true }
                        - { name: note }
                    """);
            RecordValidator validator = new RecordValidator(job,
                    ColumnMap.inSchemaOrder(job.schema()));

            Outcome outcome = validator.validate(new SourceRow(3, List.of("x", " ", "")));

            assertThat(outcome.errors()).containsExactly(
                    new RowError(3, "id", "INVALID_INTEGER", "id: \"x\" is not a whole number; "
                            + "write digits only, such as 42"),
                    new RowError(3, "email", "REQUIRED", "email: is required; give a value"));
        }

        @Test
        void keepsNamedExtraColumnsAndDropsUnnamedOnesUnderKeep() {
            JobDefinition job = job("""
                    id: people
                    schema: { key: [id], fields: [{ name: id }], extraColumns: keep }
                    """);
            ColumnMap columns = ColumnMap.fromHeader(List.of("id", " Note ", ""), job.schema(),
                    "k.csv", ',');
            RecordValidator validator = new RecordValidator(job, columns);

            Outcome outcome = validator.validate(new SourceRow(2, List.of("1", " hi ", "x")));

            assertThat(outcome.record()).isEqualTo(
                    new ProcessedRecord(2, "1", Map.of("id", "1", "Note", "hi")));
        }

        @Test
        void leavesOutEmptyOptionalFieldsAndKeepsTheKey() {
            JobDefinition job = job("""
                    id: people
                    schema: { key: [id], fields: [{ name: id, type: integer }, { name: note }] }
                    """);
            RecordValidator validator = new RecordValidator(job,
                    ColumnMap.inSchemaOrder(job.schema()));

            Outcome outcome = validator.validate(new SourceRow(2, List.of("007", "")));

            assertThat(outcome.record()).isEqualTo(new ProcessedRecord(2, "7", Map.of("id", 7L)));
        }
    }
}
