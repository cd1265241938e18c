package dev.intake.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.aws.AwsClients;
import dev.intake.aws.Backoff;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.TestAws;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.DestinationStore.Record;
import dev.intake.port.DestinationStore.Rejected;
import dev.intake.port.DestinationStore.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsServicesExtension.class)
class DynamoDbDestinationStoreTest {

    private static final String PREFIX = "dest-";
    private static AwsClients clients;
    private static DynamoDbClient dynamoDb;

    /** Waits are recorded, not slept; jitter takes the ceiling, so the waits are exact. */
    private final List<Duration> waits = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofMillis(1600), 8,
            waits::add, bound -> bound);

    @BeforeAll
    static void connect(TestAws aws) {
        clients = aws.clients(Map.of());
        dynamoDb = clients.dynamoDb();
    }

    @AfterAll
    static void closeClients() {
        dynamoDb.close();
    }

    @Nested
    class Replace {

        @Test
        void sixty_records_go_in_batches_of_25_and_all_arrive() {
            String table = destination();
            var counting = new ThrottlingDynamoDbClient(dynamoDb, write -> false, 0);

            List<Rejected> rejected = write(counting, table, WriteMode.REPLACE, zips(60));

            assertThat(rejected).isEmpty();
            assertThat(counting.batchSizes()).containsExactly(25, 25, 10);
            assertThat(count(table)).isEqualTo(60);
        }

        /** DynamoDB refuses a batch naming one key twice; the later record must still win. */
        @Test
        void a_key_repeated_in_one_call_starts_a_new_batch_and_the_later_record_wins() {
            String table = destination();
            var counting = new ThrottlingDynamoDbClient(dynamoDb, write -> false, 0);

            List<Rejected> rejected = write(counting, table, WriteMode.REPLACE, List.of(
                    record(2, "75001", "Paris"), record(3, "69001", "Lyon"),
                    record(4, "75001", "Paris 1er")));

            assertThat(rejected).isEmpty();
            assertThat(counting.batchSizes()).containsExactly(2, 1);
            assertThat(item(table, "75001").get("city").s()).isEqualTo("Paris 1er");
        }

        /** R18: numbers keep their exact decimal text; dates are ISO strings. */
        @Test
        void values_are_stored_with_their_exact_types() {
            String table = destination();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("zip_code", "13001");
            values.put("latitude", new BigDecimal("13.2"));
            values.put("visitors", new BigDecimal("1E+3"));
            values.put("open", true);
            values.put("opened", LocalDate.of(2024, 4, 9));
            values.put("note", null);

            write(dynamoDb, table, WriteMode.REPLACE, List.of(new Record(2, values)));

            Map<String, AttributeValue> stored = item(table, "13001");
            assertThat(stored.get("latitude")).isEqualTo(AttributeValue.fromN("13.2"));
            assertThat(stored.get("visitors")).isEqualTo(AttributeValue.fromN("1000"));
            assertThat(stored.get("open")).isEqualTo(AttributeValue.fromBool(true));
            assertThat(stored.get("opened")).isEqualTo(AttributeValue.fromS("2024-04-09"));
            assertThat(stored.get("note")).isEqualTo(AttributeValue.fromNul(true));
        }
    }

    /** R19: UnprocessedItems are sent again until written, or counted as failed. */
    @Nested
    class UnprocessedItems {

        @Test
        void items_handed_back_twice_are_sent_again_and_written() {
            String table = destination();
            var throttling = new ThrottlingDynamoDbClient(dynamoDb,
                    write -> zipOf(write).compareTo("10005") < 0, 2);

            List<Rejected> rejected = write(throttling, table, WriteMode.REPLACE, zips(10));

            assertThat(rejected).isEmpty();
            assertThat(throttling.batchSizes()).containsExactly(10, 5, 5);
            assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(count(table)).isEqualTo(10);
        }

        @Test
        void items_never_written_are_rejected_and_imported_plus_failed_equals_rows() {
            String table = destination();
            var throttling = new ThrottlingDynamoDbClient(dynamoDb,
                    write -> zipOf(write).equals("10003"), Integer.MAX_VALUE);

            List<Rejected> rejected = write(throttling, table, WriteMode.REPLACE, zips(30));

            assertThat(rejected).extracting(r -> r.record().line(), Rejected::code,
                            Rejected::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(5L,
                            "NOT_WRITTEN_THROTTLED", "line 5: DynamoDB table " + PREFIX + table
                                    + " returned the record as unprocessed 8 times (throughput "
                                    + "exceeded); upload the failed records again once the "
                                    + "table has capacity"));
            assertThat(count(table) + rejected.size()).isEqualTo(30);
            assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                    Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                    Duration.ofMillis(1600), Duration.ofMillis(1600));
        }
    }

    /** R20: what DynamoDB would refuse is refused up front, with the line and the reason. */
    @Nested
    class RefusedRecords {

        @Test
        void an_item_over_400_kb_and_an_empty_key_are_rejected_and_the_rest_written() {
            String table = destination();
            Record huge = new Record(3, Map.of("zip_code", "10001", "city",
                    "x".repeat(410_000)));
            Record emptyKey = new Record(4, Map.of("zip_code", "", "city", "Nowhere"));

            List<Rejected> rejected = write(dynamoDb, table, WriteMode.REPLACE,
                    List.of(record(2, "10000", "Ok"), huge, emptyKey, record(5, "10002", "Ok")));

            // Compared by line, code and message: a failure must not print 410,000 characters.
            assertThat(rejected).extracting(r -> r.record().line(), Rejected::code,
                            Rejected::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(3L, "ITEM_TOO_LARGE",
                                    "line 3: the record would be a DynamoDB item of 410017 "
                                            + "bytes, over the 409600-byte (400 KB) limit; "
                                            + "shorten its longest fields"),
                            org.assertj.core.groups.Tuple.tuple(4L, "EMPTY_KEY",
                                    "line 4: key field zip_code is empty; DynamoDB needs a "
                                            + "value for every key field"));
            assertThat(count(table)).isEqualTo(2);
        }

        @Test
        void a_text_key_in_a_numeric_key_table_is_rejected() {
            String table = TestTables.unique("numeric");
            TestTables.createDestination(dynamoDb, PREFIX + table,
                    List.of(TestTables.number("store_id")));
            Record text = new Record(2, Map.of("store_id", "abc"));
            Record number = new Record(3, Map.of("store_id", "0042"));

            List<Rejected> rejected = new DynamoDbDestinationStore(dynamoDb, PREFIX, backoff)
                    .open(job(table, WriteMode.REPLACE, List.of("store_id")), "run-1")
                    .write(List.of(text, number));

            assertThat(rejected).containsExactly(new Rejected(text, "KEY_NOT_A_NUMBER",
                    "line 2: key field store_id is 'abc', but table " + PREFIX + table
                            + " keys it as a number"));
            assertThat(dynamoDb.getItem(b -> b.tableName(PREFIX + table)
                    .key(Map.of("store_id", AttributeValue.fromN("42")))).hasItem()).isTrue();
        }

        @Test
        void a_record_dynamodb_refuses_in_a_batch_is_found_and_only_it_rejected() {
            String table = destination();
            Record overflow = new Record(3, Map.of("zip_code", "10001", "visitors",
                    new BigDecimal("1E+200")));

            List<Rejected> rejected = write(dynamoDb, table, WriteMode.REPLACE,
                    List.of(record(2, "10000", "Ok"), overflow, record(4, "10002", "Ok")));

            assertThat(rejected).extracting(Rejected::record, Rejected::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(overflow,
                            "REFUSED_BY_DYNAMODB"));
            assertThat(rejected.get(0).message()).startsWith("line 3: DynamoDB refused the "
                    + "record: ");
            assertThat(count(table)).isEqualTo(2);
        }
    }

    @Nested
    class OtherModes {

        @Test
        void insert_only_leaves_an_existing_record_alone() {
            String table = destination();
            write(dynamoDb, table, WriteMode.REPLACE, List.of(record(2, "10000", "Original")));

            List<Rejected> rejected = write(dynamoDb, table, WriteMode.INSERT_ONLY,
                    List.of(record(2, "10000", "Changed"), record(3, "10001", "New")));

            assertThat(rejected).isEmpty();
            assertThat(item(table, "10000").get("city").s()).isEqualTo("Original");
            assertThat(item(table, "10001").get("city").s()).isEqualTo("New");
        }

        @Test
        void merge_overwrites_only_the_fields_the_file_gives() {
            String table = destination();
            write(dynamoDb, table, WriteMode.REPLACE, List.of(new Record(2, Map.of(
                    "zip_code", "10000", "city", "Old", "latitude", new BigDecimal("40.7")))));

            List<Rejected> rejected = write(dynamoDb, table, WriteMode.MERGE,
                    List.of(record(2, "10000", "New York")));

            assertThat(rejected).isEmpty();
            assertThat(item(table, "10000")).isEqualTo(Map.of(
                    "zip_code", AttributeValue.fromS("10000"),
                    "city", AttributeValue.fromS("New York"),
                    "latitude", AttributeValue.fromN("40.7")));
        }
    }

    @Nested
    class Opening {

        @Test
        void a_table_keyed_otherwise_is_refused_before_any_write() {
            String table = destination();

            assertThatThrownBy(() -> new DynamoDbDestinationStore(dynamoDb, PREFIX, backoff)
                    .open(job(table, WriteMode.REPLACE, List.of("city")), "run-1"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("destination table " + PREFIX + table + " is keyed by [zip_code] "
                            + "but job stores declares key [city]; make the job's schema.key "
                            + "the table's partition key (then its sort key), or point "
                            + "destination.table at a table keyed that way");
        }

        @Test
        void a_missing_table_is_refused_with_what_to_create() {
            assertThatThrownBy(() -> new DynamoDbDestinationStore(dynamoDb, PREFIX, backoff)
                    .open(job("absent", WriteMode.REPLACE, List.of("zip_code")), "run-1"))
                    .isInstanceOf(DestinationTableException.class)
                    .hasMessage("destination table dest-absent of job stores does not exist; "
                            + "create it keyed by the job's schema.key before activating the "
                            + "job");
        }
    }

    private List<Rejected> write(DynamoDbClient client, String table, WriteMode mode,
                                 List<Record> records) {
        try (Writer writer = new DynamoDbDestinationStore(client, PREFIX, backoff)
                .open(job(table, mode, List.of("zip_code")), "run-1")) {
            return writer.write(records);
        }
    }

    private static JobDefinition job(String table, WriteMode mode, List<String> key) {
        return TestJobs.job("stores", table, mode, key);
    }

    /** A fresh destination table keyed by zip_code; returns the name without the prefix. */
    private static String destination() {
        String table = TestTables.unique("stores");
        TestTables.createDestination(dynamoDb, PREFIX + table,
                List.of(TestTables.string("zip_code")));
        return table;
    }

    private static List<Record> zips(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> record(i + 2, Integer.toString(10000 + i), "City " + i))
                .toList();
    }

    private static Record record(long line, String zip, String city) {
        return new Record(line, Map.of("zip_code", zip, "city", city));
    }

    private static String zipOf(software.amazon.awssdk.services.dynamodb.model.WriteRequest w) {
        return w.putRequest().item().get("zip_code").s();
    }

    private static Map<String, AttributeValue> item(String table, String zip) {
        return dynamoDb.getItem(b -> b.tableName(PREFIX + table)
                .key(Map.of("zip_code", AttributeValue.fromS(zip)))).item();
    }

    private static int count(String table) {
        return dynamoDb.scan(b -> b.tableName(PREFIX + table)).count();
    }
}
