package dev.intake.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.DestinationStore.Record;
import dev.intake.port.DestinationStore.Rejected;
import dev.intake.port.DestinationStore.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDestinationStoreTest {

    @TempDir
    Path folder;

    private SqliteDatabase database;
    private SqliteDestinationStore destinations;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("intake.db"));
        destinations = new SqliteDestinationStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Record record(long line, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            values.put((String) namesAndValues[index], namesAndValues[index + 1]);
        }
        return new Record(line, values);
    }

    private List<Rejected> write(WriteMode mode, String runId, Record... records) {
        try (Writer writer = destinations.open(Fixtures.storeLocations(mode), runId)) {
            return writer.write(List.of(records));
        }
    }

    /** Each column as typeof(value) + ':' + value, straight from SQL. */
    private List<String> raw(String where) {
        String sql = "SELECT * FROM \"store-locations\" WHERE " + where;
        return database.read("raw", connection -> {
            List<String> cells = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql);
                    ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        Object value = rows.getObject(column);
                        String type = value == null ? "null"
                                : value instanceof String ? "text" : "integer";
                        cells.add(rows.getMetaData().getColumnName(column) + "=" + type + ":"
                                + value);
                    }
                }
            }
            return cells;
        });
    }

    @Nested
    class Types {

        @Test
        void keepsLeadingZerosAsTextAndDecimalsExactly() {
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501", "city", "Holtsville",
                    "latitude", new BigDecimal("13.2"), "stores", 3L, "open", true,
                    "opened", LocalDate.of(2026, 1, 31)));

            assertThat(raw("zip_code = '00501'")).containsExactly(
                    "zip_code=text:00501", "city=text:Holtsville", "latitude=text:13.2",
                    "stores=integer:3", "open=integer:1", "opened=text:2026-01-31",
                    "_extra=null:null", "_run_id=text:r-1");
        }

        @Test
        void comparesExactlyInSql() {
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501", "latitude", 13.2d));

            long matches = database.read("raw", connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM \"store-locations\" WHERE latitude = '13.2'"
                                + " AND typeof(latitude) = 'text'");
                        ResultSet rows = select.executeQuery()) {
                    return rows.getLong(1);
                }
            });

            assertThat(matches).isEqualTo(1);
        }

        @Test
        void acceptsTextForNumbersAndFlags() {
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501", "latitude", "40.8154",
                    "stores", "12", "open", "FALSE"));

            assertThat(raw("zip_code = '00501'")).contains("latitude=text:40.8154",
                    "stores=integer:12", "open=integer:0");
        }

        @Test
        void keepsColumnsOutsideTheSchemaAsJson() {
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501", "region", "NY",
                    "county", "Suffolk"));

            assertThat(raw("zip_code = '00501'"))
                    .contains("_extra=text:{\"region\":\"NY\",\"county\":\"Suffolk\"}");
        }

        @Test
        void rejectsValuesTheColumnCannotHoldAndWritesTheRest() {
            Record notANumber = record(3, "zip_code", "00502", "stores", "twelve");
            Record tooBig = record(4, "zip_code", "00503", "stores", "99999999999999999999");
            Record noKey = record(5, "city", "Nowhere");
            Record notAFlag = record(6, "zip_code", "00504", "open", "yes");

            List<Rejected> rejected = write(WriteMode.REPLACE, "r-1",
                    record(2, "zip_code", "00501"), notANumber, tooBig, noKey, notAFlag);

            assertThat(rejected).containsExactly(
                    new Rejected(notANumber, "TYPE_MISMATCH", "Field 'stores' value 'twelve' is"
                            + " not an integer, so it cannot be stored in the destination table."),
                    new Rejected(tooBig, "OUT_OF_RANGE", "Field 'stores' value"
                            + " '99999999999999999999' is not a whole number between"
                            + " -9223372036854775808 and 9223372036854775807."),
                    new Rejected(noKey, "MISSING_KEY", "Key field 'zip_code' has no value, so the"
                            + " record cannot be written to table 'store-locations'."),
                    new Rejected(notAFlag, "TYPE_MISMATCH", "Field 'open' value 'yes' is not true"
                            + " or false, so it cannot be stored in the destination table."));
            assertThat(destinations.count("store-locations")).isEqualTo(1);
        }
    }

    @Nested
    class Modes {

        private final Record full = record(2, "zip_code", "00501", "city", "Holtsville",
                "stores", 3L);
        private final Record partial = record(7, "zip_code", "00501", "city", "Brookhaven",
                "stores", null, "region", "NY");

        @Test
        void replaceOverwritesEveryColumnAndClearsTheMissingOnes() {
            write(WriteMode.REPLACE, "r-1", full);

            write(WriteMode.REPLACE, "r-2", partial);

            assertThat(raw("zip_code = '00501'")).containsExactly(
                    "zip_code=text:00501", "city=text:Brookhaven", "latitude=null:null",
                    "stores=null:null", "open=null:null", "opened=null:null",
                    "_extra=text:{\"region\":\"NY\"}", "_run_id=text:r-2");
        }

        @Test
        void mergeOverwritesOnlyTheGivenNonNullColumns() {
            write(WriteMode.MERGE, "r-1", full);
            write(WriteMode.MERGE, "r-2", record(3, "zip_code", "00501", "region", "East"));

            write(WriteMode.MERGE, "r-3", partial);

            assertThat(raw("zip_code = '00501'")).containsExactly(
                    "zip_code=text:00501", "city=text:Brookhaven", "latitude=null:null",
                    "stores=integer:3", "open=null:null", "opened=null:null",
                    "_extra=text:{\"region\":\"NY\"}", "_run_id=text:r-3");
        }

        @Test
        void insertOnlyLeavesAnExistingRecordAlone() {
            write(WriteMode.INSERT_ONLY, "r-1", full);

            write(WriteMode.INSERT_ONLY, "r-2", partial, record(3, "zip_code", "00601"));

            assertThat(raw("zip_code = '00501'")).contains("city=text:Holtsville",
                    "stores=integer:3", "_run_id=text:r-1");
            assertThat(destinations.count("store-locations")).isEqualTo(2);
        }

        @Test
        void letsTheLaterOfTwoRecordsWithOneKeyInABatchWin() {
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501", "city", "First"),
                    record(3, "zip_code", "00501", "city", "Second"));
            write(WriteMode.MERGE, "r-2", record(2, "zip_code", "00601", "city", "First"),
                    record(3, "zip_code", "00601", "stores", 4L),
                    record(4, "zip_code", "00601", "city", "Third"));

            assertThat(raw("zip_code = '00501'")).contains("city=text:Second");
            assertThat(raw("zip_code = '00601'")).contains("city=text:Third", "stores=integer:4");
        }

        @Test
        void mergeAddsColumnsOutsideTheSchemaToThoseKept() {
            write(WriteMode.MERGE, "r-1", record(2, "zip_code", "00501", "region", "NY"));

            write(WriteMode.MERGE, "r-2", record(2, "zip_code", "00501", "county", "Suffolk"));

            assertThat(raw("zip_code = '00501'"))
                    .contains("_extra=text:{\"region\":\"NY\",\"county\":\"Suffolk\"}");
        }

        @Test
        void writingTheSameBatchTwiceLeavesOneRecordPerKey() {
            write(WriteMode.REPLACE, "r-1", full, record(3, "zip_code", "00601"));
            write(WriteMode.REPLACE, "r-1", full, record(3, "zip_code", "00601"));

            assertThat(destinations.rows("store-locations", 10))
                    .extracting(row -> row.get("zip_code")).containsExactly("00501", "00601");
        }
    }

    @Nested
    class Tables {

        @Test
        void refusesNamesOutsideTheAllowedCharacters() {
            JobDefinition job = Fixtures.job("zips", "zips\"; DROP TABLE x; --", WriteMode.REPLACE);

            assertThatThrownBy(() -> destinations.open(job, "r-1"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("Job zips has destination table 'zips\"; DROP TABLE x; --'; a table"
                            + " name has 3 to 255 letters, digits, '_', '-' or '.'.");
        }

        @Test
        void refusesTheNamesOfTheInternalTables() {
            JobDefinition job = Fixtures.job("zips", "INTAKE_runs", WriteMode.REPLACE);

            assertThatThrownBy(() -> destinations.open(job, "r-1"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("Job zips has destination table 'INTAKE_runs'; names starting with"
                            + " intake_ or sqlite_ are reserved by the local database. Choose"
                            + " another name.");
        }

        @Test
        void refusesAnExistingTableWithAnotherKey() {
            destinations.open(Fixtures.storeLocations(WriteMode.REPLACE), "r-1").close();
            JobDefinition rekeyed = withFields(List.of("city"), Fixtures.field("zip_code",
                    FieldType.STRING), Fixtures.field("city", FieldType.STRING));

            assertThatThrownBy(() -> destinations.open(rekeyed, "r-2"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("Destination table 'store-locations' exists with key [zip_code]"
                            + " but job store-locations declares key [city]. Drop the table, or"
                            + " choose another destination table name.");
        }

        @Test
        void refusesAnExistingColumnOfAnotherType() {
            destinations.open(Fixtures.storeLocations(WriteMode.REPLACE), "r-1").close();
            JobDefinition retyped = withFields(List.of("zip_code"), Fixtures.field("zip_code",
                    FieldType.STRING), Fixtures.field("city", FieldType.INTEGER));

            assertThatThrownBy(() -> destinations.open(retyped, "r-2"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("Destination table 'store-locations' of job store-locations has"
                            + " column 'city' as TEXT but the job's schema needs INTEGER. Drop or"
                            + " rename the table, or choose another destination table name.");
        }

        @Test
        void addsTheColumnsOfFieldsAddedLater() {
            destinations.open(Fixtures.storeLocations(WriteMode.REPLACE), "r-1").close();
            JobDefinition grown = withFields(List.of("zip_code"),
                    Fixtures.field("zip_code", FieldType.STRING),
                    Fixtures.field("population", FieldType.INTEGER));

            try (Writer writer = destinations.open(grown, "r-2")) {
                writer.write(List.of(record(2, "zip_code", "00501", "population", 42L)));
            }

            assertThat(raw("zip_code = '00501'")).contains("population=integer:42");
        }

        @Test
        void countsAndReadsNothingOfAMissingTable() {
            assertThat(destinations.count("never-written")).isZero();
            assertThat(destinations.rows("never-written", 5)).isEmpty();
        }

        private JobDefinition withFields(List<String> key, JobDefinition.Field... fields) {
            JobDefinition base = Fixtures.storeLocations(WriteMode.REPLACE);
            JobDefinition.Schema schema = new JobDefinition.Schema(key, List.of(fields),
                    base.schema().duplicates(), base.schema().extraColumns());
            return new JobDefinition(base.id(), base.name(), base.source(), base.format(),
                    schema, base.destination(), base.maxFailedPercent(), base.schedule(),
                    base.notifications());
        }
    }

    @Nested
    class Checkpoints {

        private Record[] rows(int count) {
            Record[] rows = new Record[count];
            for (int index = 0; index < count; index++) {
                rows[index] = record(index + 2, "zip_code", String.format("%06d", index),
                        "city", "City " + index);
            }
            return rows;
        }

        @Test
        void copiesTheLogOfAClosedWriterIntoTheDatabaseFileInTheBackground() throws Exception {
            Path file = folder.resolve("intake.db");
            write(WriteMode.REPLACE, "r-1", record(2, "zip_code", "00501"));
            database.awaitCheckpoints();
            long before = Files.size(file);

            write(WriteMode.REPLACE, "r-2", rows(20_000));
            database.awaitCheckpoints();

            // 20,000 rows take a hundred pages or more; commits alone leave them in the log.
            assertThat(Files.size(file) - before).isGreaterThan(100 * 4096L);
            assertThat(destinations.count("store-locations")).isEqualTo(20_001);
        }

        @Test
        void reportsEveryFrameOfTheLogCopied() throws Exception {
            write(WriteMode.REPLACE, "r-1", rows(1_000));

            SqliteDatabase.Checkpoint checkpoint = database.checkpointInBackground().get();

            assertThat(checkpoint.checkpointedFrames()).isEqualTo(checkpoint.logFrames());
            assertThat(checkpoint.logFrames()).isPositive();
        }

        @Test
        void asksNothingOfAClosedDatabase() throws Exception {
            database.close();

            assertThat(database.checkpointInBackground().get()).isNull();
            database = SqliteDatabase.open(folder.resolve("intake.db"));
        }
    }

    @Nested
    class LargeBatches {

        /** Rows of one batch: two statements of 64 rows, then two rows one by one. */
        private static final int ROWS = 130;

        private List<Record> numbered(int count, String city) {
            List<Record> batch = new ArrayList<>(count);
            for (int index = 0; index < count; index++) {
                batch.add(record(index + 2, "zip_code", String.format("%05d", index),
                        "city", city + " " + index));
            }
            return batch;
        }

        @Test
        void writesEveryRowWhetherInAManyRowStatementOrInTheRemainder() {
            write(WriteMode.REPLACE, "r-1", numbered(ROWS, "City").toArray(new Record[0]));

            assertThat(destinations.count("store-locations")).isEqualTo(ROWS);
            assertThat(raw("zip_code IN ('00000', '00063', '00064', '00127', '00128', '00129')"))
                    .filteredOn(cell -> cell.startsWith("city="))
                    .containsExactly("city=text:City 0", "city=text:City 63",
                            "city=text:City 64", "city=text:City 127", "city=text:City 128",
                            "city=text:City 129");
        }

        @Test
        void letsTheLaterRecordWinInsideOneManyRowStatement() {
            List<Record> batch = new ArrayList<>(numbered(ROWS, "City"));
            batch.set(50, record(52, "zip_code", "00010", "city", "Later"));

            write(WriteMode.REPLACE, "r-1", batch.toArray(new Record[0]));

            assertThat(destinations.count("store-locations")).isEqualTo(ROWS - 1);
            assertThat(raw("zip_code = '00010'")).contains("city=text:Later");
        }

        @Test
        void insertOnlyKeepsTheFirstRecordInsideOneManyRowStatement() {
            List<Record> batch = new ArrayList<>(numbered(ROWS, "City"));
            batch.set(50, record(52, "zip_code", "00010", "city", "Later"));

            write(WriteMode.INSERT_ONLY, "r-1", batch.toArray(new Record[0]));

            assertThat(raw("zip_code = '00010'")).contains("city=text:City 10");
        }

        @Test
        void bindsColumnsOutsideTheSchemaWhenOneRecordOfTheBatchHasThem() {
            List<Record> batch = new ArrayList<>(numbered(ROWS, "City"));
            batch.set(70, record(72, "zip_code", "00070", "region", "NY"));

            write(WriteMode.REPLACE, "r-1", batch.toArray(new Record[0]));

            assertThat(raw("zip_code = '00070'")).contains("_extra=text:{\"region\":\"NY\"}");
            assertThat(raw("zip_code = '00069'")).contains("city=text:City 69",
                    "_extra=null:null");
        }

        @Test
        void writesTheBatchesAfterAFailedOneAndNothingOfTheFailedOne() {
            List<Record> second = new ArrayList<>(numbered(ROWS, "Second"));
            second.set(70, record(72, "zip_code", "00070", "region", "NY"));
            // The last row goes in a one-row statement, after two statements of 64 succeeded.
            second.set(ROWS - 1, record(ROWS + 1, "zip_code", "00129", "city", "Boom"));

            try (Writer writer = destinations.open(Fixtures.storeLocations(WriteMode.REPLACE),
                    "r-1")) {
                writer.write(numbered(ROWS, "First"));
                database.inTransaction("adding a trigger", connection -> {
                    try (PreparedStatement create = connection.prepareStatement("CREATE TRIGGER"
                            + " refuse BEFORE INSERT ON \"store-locations\" WHEN NEW.city ="
                            + " 'Boom' BEGIN SELECT RAISE(ABORT, 'refused'); END")) {
                        return create.executeUpdate();
                    }
                });
                writer.write(second);
                assertThatThrownBy(() -> writer.write(numbered(3, "Third")))
                        .isInstanceOf(LocalStoreException.class).hasMessageContaining("refused");
                writer.write(numbered(ROWS, "Fourth"));
            }

            assertThat(destinations.count("store-locations")).isEqualTo(ROWS);
            assertThat(raw("zip_code IN ('00000', '00070', '00129')"))
                    .filteredOn(cell -> cell.startsWith("city=") || cell.startsWith("_extra="))
                    .containsExactly("city=text:Fourth 0", "_extra=null:null",
                            "city=text:Fourth 70", "_extra=null:null",
                            "city=text:Fourth 129", "_extra=null:null");
        }

        @Test
        void leavesEveryRowReadableByAnotherConnectionAndAfterReopening() throws Exception {
            write(WriteMode.REPLACE, "r-1", numbered(20_000, "City").toArray(new Record[0]));

            try (SqliteDatabase other = SqliteDatabase.open(folder.resolve("intake.db"))) {
                assertThat(new SqliteDestinationStore(other).count("store-locations"))
                        .isEqualTo(20_000);
            }
            // Closed at once, while its checkpoint may still run: closing waits for it.
            database.close();
            database = SqliteDatabase.open(folder.resolve("intake.db"));
            destinations = new SqliteDestinationStore(database);

            assertThat(destinations.count("store-locations")).isEqualTo(20_000);
            assertThat(raw("zip_code = '19999'")).contains("city=text:City 19999");
        }

        @Test
        void writesBatchesWithAndWithoutOutsideColumnsThroughOneWriter() {
            List<Record> withExtra = new ArrayList<>(numbered(ROWS, "Second"));
            withExtra.set(70, record(72, "zip_code", "00070", "region", "NY"));

            try (Writer writer = destinations.open(Fixtures.storeLocations(WriteMode.REPLACE),
                    "r-1")) {
                writer.write(numbered(ROWS, "First"));
                writer.write(withExtra);
                writer.write(numbered(3, "Third"));
            }

            assertThat(destinations.count("store-locations")).isEqualTo(ROWS);
            assertThat(raw("zip_code = '00070'")).contains("_extra=text:{\"region\":\"NY\"}");
            assertThat(raw("zip_code = '00001'")).contains("city=text:Third 1",
                    "_extra=null:null");
            assertThat(raw("zip_code = '00129'")).contains("city=text:Second 129",
                    "_extra=null:null");
        }

        @Test
        void writesARunIdThatHoldsAQuote() {
            write(WriteMode.REPLACE, "r-'1", numbered(ROWS, "City").toArray(new Record[0]));

            assertThat(raw("zip_code = '00129'")).contains("_run_id=text:r-'1");
        }

        @Test
        void reportsAWriteThatFailedInTheBackgroundWhenClosed() {
            Writer writer = destinations.open(Fixtures.storeLocations(WriteMode.REPLACE), "r-1");
            database.inTransaction("dropping", connection -> {
                connection.createStatement().executeUpdate("DROP TABLE \"store-locations\"");
                return null;
            });

            assertThat(writer.write(numbered(2, "City"))).isEmpty();

            assertThatThrownBy(writer::close)
                    .isInstanceOf(LocalStoreException.class)
                    .hasMessageStartingWith("Local database " + database.file() + " failed while"
                            + " writing 2 records of run r-1 to table store-locations: ")
                    .hasMessageContaining("no such table: store-locations");
        }
    }

    @Nested
    class WholeNumberKeys {

        private JobDefinition numberedStores(WriteMode mode) {
            JobDefinition base = Fixtures.storeLocations(mode);
            JobDefinition.Schema schema = new JobDefinition.Schema(List.of("id"), List.of(
                    Fixtures.field("id", FieldType.INTEGER),
                    Fixtures.field("city", FieldType.STRING)),
                    base.schema().duplicates(), base.schema().extraColumns());
            return new JobDefinition(base.id(), base.name(), base.source(), base.format(),
                    schema, base.destination(), base.maxFailedPercent(), base.schedule(),
                    base.notifications());
        }

        @Test
        void makeTheKeyTheRowidOfTheTable() {
            destinations.open(numberedStores(WriteMode.REPLACE), "r-1").close();

            String sql = database.read("schema", connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT sql FROM sqlite_schema WHERE name = 'store-locations'");
                        ResultSet rows = select.executeQuery()) {
                    return rows.getString(1);
                }
            });

            assertThat(sql).isEqualTo("CREATE TABLE \"store-locations\" (\"id\" INTEGER NOT NULL"
                    + " PRIMARY KEY, \"city\" TEXT, \"_extra\" TEXT, \"_run_id\" TEXT)");
        }

        @Test
        void upsertByTheKeyAndAcceptTheTableOnTheNextRun() {
            try (Writer writer = destinations.open(numberedStores(WriteMode.REPLACE), "r-1")) {
                writer.write(List.of(record(2, "id", 7L, "city", "First")));
            }

            try (Writer writer = destinations.open(numberedStores(WriteMode.REPLACE), "r-2")) {
                writer.write(List.of(record(2, "id", 7L, "city", "Second"),
                        record(3, "id", 8L, "city", "Other")));
            }

            assertThat(destinations.rows("store-locations", 10))
                    .extracting(row -> row.get("id") + " " + row.get("city") + " "
                            + row.get("_run_id"))
                    .containsExactly("7 Second r-2", "8 Other r-2");
        }
    }

    @Test
    void writesAHundredThousandRowsInBatches() {
        int total = 100_000;
        int batchSize = 5_000;
        long writing = 0;

        try (Writer writer = destinations.open(Fixtures.storeLocations(WriteMode.REPLACE), "r-1")) {
            for (int first = 0; first < total; first += batchSize) {
                List<Record> batch = batch(first, batchSize);
                long started = System.nanoTime();
                List<Rejected> rejected = writer.write(batch);
                writing += System.nanoTime() - started;
                assertThat(rejected).isEmpty();
            }
        }

        double seconds = writing / 1e9;
        System.out.printf("[benchmark] SqliteDestinationStore wrote %d rows in %.2f s:"
                + " %.0f rows/s%n", total, seconds, total / seconds);
        assertThat(destinations.count("store-locations")).isEqualTo(total);
    }

    private static List<Record> batch(int first, int size) {
        List<Record> batch = new ArrayList<>(size);
        BigDecimal latitude = new BigDecimal("40.8154");
        for (int line = first; line < first + size; line++) {
            batch.add(record(line + 2, "zip_code", Integer.toString(100_000 + line),
                    "city", "City " + line, "latitude", latitude, "stores", (long) line,
                    "open", line % 2 == 0));
        }
        return batch;
    }
}
