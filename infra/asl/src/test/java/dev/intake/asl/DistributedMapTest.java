package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DistributedMapTest {

    private final AslTestSupport.MemoryObjects objects = new AslTestSupport.MemoryObjects();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    /** Echoes its payload; a payload with "fail" fails with a function error. */
    private final LambdaInvoker echo = (name, payload, context) -> {
        received.add(payload);
        if (payload.toString().contains("fail")) {
            return LambdaResult.failed("java.lang.IllegalArgumentException", "bad item",
                    List.of());
        }
        return LambdaResult.of(payload);
    };

    private static String distributed(String reader, String extra) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map",%s %s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",
                      "ExecutionType":"STANDARD"},
                    "StartAt":"Work","States":{"Work":{"Type":"Task",
                      "Resource":"arn:aws:lambda:us-east-1:123456789012:function:work",
                      "End":true}}},
                  "End":true}}}
                """.formatted(reader, extra);
    }

    private static String csvReader(String config) {
        return """
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"CSV",%s},
                  "Parameters":{"Bucket":"in","Key.$":"$.key"}},
                """.formatted(config);
    }

    private void store(String key, String content) {
        objects.put("in", key, content.getBytes(StandardCharsets.UTF_8));
    }

    private ExecutionResult run(String definition, String input) {
        return virtual().lambdas(echo).objects(objects).build()
                .run(StateMachine.parse(definition), json(input), options());
    }

    @Nested
    class CsvReader {

        @Test
        void first_row_gives_the_keys_and_every_value_is_a_string() {
            store("a.csv", "id,name\n1,Ana\n2,\"Bo, Jr.\"\n");

            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"FIRST_ROW\""), ""), "{'key':'a.csv'}");

            assertThat(result.output()).isEqualTo(json("[{'id':'1','name':'Ana'},"
                    + "{'id':'2','name':'Bo, Jr.'}]"));
        }

        @Test
        void missing_fields_are_empty_extra_fields_are_dropped_blank_lines_kept() {
            store("b.csv", "Col1,Col2,Col3\n,,,\n   \n");

            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"FIRST_ROW\""), ""), "{'key':'b.csv'}");

            assertThat(result.output()).isEqualTo(json("[{'Col1':'','Col2':'','Col3':''},"
                    + "{'Col1':'   ','Col2':'','Col3':''}]"));
        }

        @Test
        void given_headers_read_every_row_with_the_chosen_delimiter() {
            store("c.csv", "1;x\n2;y");

            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"k\",\"v\"],"
                            + "\"CSVDelimiter\":\"SEMICOLON\",\"MaxItems\":1"), ""),
                    "{'key':'c.csv'}");

            assertThat(result.output()).isEqualTo(json("[{'k':'1','v':'x'}]"));
        }

        @Test
        void duplicate_given_headers_fail_the_reader() {
            store("d.csv", "1,2\n");

            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"k\",\"k\"]"), ""),
                    "{'key':'d.csv'}");

            assertThat(result.error()).isEqualTo("States.ItemReaderFailed");
            assertThat(result.cause()).isEqualTo("CSV headers cannot contain duplicates.");
        }

        @Test
        void a_missing_object_fails_the_reader() {
            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"FIRST_ROW\""), ""), "{'key':'none.csv'}");

            assertThat(result.error()).isEqualTo("States.ItemReaderFailed");
            assertThat(result.cause())
                    .isEqualTo("S3 object s3://in/none.csv does not exist (NoSuchKey)");
        }

        @Test
        void a_fractional_max_items_path_is_a_runtime_error() {
            store("e.csv", "a\n1\n");

            ExecutionResult result = run(distributed(csvReader(
                    "\"CSVHeaderLocation\":\"FIRST_ROW\",\"MaxItemsPath\":\"$.max\""), ""),
                    "{'key':'e.csv','max':1.5}");

            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause()).isEqualTo("The MaxItemsPath of state 'M' is not a valid "
                    + "integer: 1.5");
        }
    }

    @Nested
    class JsonReaderAndBatches {

        private static final String JSON_READER = """
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"JSON"},
                  "Parameters":{"Bucket":"in","Key":"items.json"}},
                """;

        @Test
        void batches_carry_items_and_batch_input() {
            store("items.json", "[1,2,3,4,5]");

            ExecutionResult result = run(distributed(JSON_READER, """
                    "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"run.$":"$.run"}},
                    """), "{'run':'r1'}");

            assertThat(received).containsExactly(
                    json("{'Items':[1,2],'BatchInput':{'run':'r1'}}"),
                    json("{'Items':[3,4],'BatchInput':{'run':'r1'}}"),
                    json("{'Items':[5],'BatchInput':{'run':'r1'}}"));
            assertThat(result.output()).hasSize(3);
        }

        @Test
        void max_input_bytes_per_batch_splits_batches_by_size() {
            store("items.json", "[\"aaaa\",\"bbbb\",\"cccc\"]");

            run(distributed(JSON_READER, "\"ItemBatcher\":{\"MaxInputBytesPerBatch\":16},"),
                    "{}");

            assertThat(received).containsExactly(json("{'Items':['aaaa','bbbb']}"),
                    json("{'Items':['cccc']}"));
        }
    }

    @Nested
    class ToleratedFailures {

        @Test
        void any_failure_exceeds_the_default_threshold() {
            ExecutionResult result = run(distributed("\"ItemsPath\":\"$.items\",", ""),
                    "{'items':['ok','fail','ok']}");

            assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            assertThat(result.cause())
                    .isEqualTo("The specified tolerated failure threshold was exceeded");
        }

        @Test
        void failures_within_the_count_let_the_map_succeed() {
            ExecutionResult result = run(distributed("\"ItemsPath\":\"$.items\",",
                    "\"ToleratedFailureCount\":1,"), "{'items':['ok','fail','ok2']}");

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().get(0)).isEqualTo(json("'ok'"));
            assertThat(result.output().get(1).get("Error").textValue())
                    .isEqualTo("java.lang.IllegalArgumentException");
            assertThat(result.output().get(2)).isEqualTo(json("'ok2'"));
        }

        @Test
        void a_percentage_above_the_tolerance_fails_the_map() {
            ExecutionResult result = run(distributed("\"ItemsPath\":\"$.items\",",
                    "\"ToleratedFailurePercentage\":30,"), "{'items':['ok','fail','fail2']}");

            assertThat(result.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            assertThat(received).hasSize(3);
        }
    }

    @Nested
    class Writer {

        @Test
        void result_writer_stores_results_and_a_manifest() {
            ExecutionResult result = run(distributed("\"ItemsPath\":\"$.items\",", """
                    "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",
                      "Parameters":{"Bucket":"out","Prefix":"runs"}},
                    """), "{'items':['a']}");

            String arn = result.output().get("MapRunArn").textValue();
            String runId = arn.substring(arn.lastIndexOf(':') + 1);
            assertThat(arn).startsWith("arn:aws:states:us-east-1:123456789012:mapRun:"
                    + "StateMachine/M:");
            assertThat(result.output().get("ResultWriterDetails")).isEqualTo(json(
                    "{'Bucket':'out','Key':'runs/" + runId + "/manifest.json'}"));
            String folder = "runs/" + runId + "/";
            JsonNode manifest = readTree(objects.text("out", folder + "manifest.json"));
            assertThat(manifest.get("ResultFiles").get("SUCCEEDED").get(0).get("Key").textValue())
                    .isEqualTo("runs/" + runId + "/SUCCEEDED_0.json");
            JsonNode succeeded = readTree(objects.text("out", folder + "SUCCEEDED_0.json"));
            assertThat(succeeded.get(0).get("Output").textValue()).isEqualTo("\"a\"");
            assertThat(succeeded.get(0).get("Status").textValue()).isEqualTo("SUCCEEDED");
        }

        private JsonNode readTree(String text) {
            try {
                return AslTestSupport.MAPPER.readTree(text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Nested
    class Determinism {

        private static final String JITTERY = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                  "MaxConcurrency":3,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",
                      "ExecutionType":"STANDARD"},
                    "StartAt":"Work","States":{"Work":{"Type":"Task",
                      "Resource":"arn:aws:states:::lambda:invoke",
                      "Parameters":{"FunctionName":"work","Payload.$":"$"},
                      "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":5,
                        "JitterStrategy":"FULL"}],
                      "End":true}}},
                  "End":true}}}
                """;

        /** Fails each item's first attempt, then echoes it after item-many seconds. */
        private final LambdaInvoker flaky = (name, payload, context) -> context.retryCount() == 0
                ? LambdaResult.failed("Flaky", "first try", List.of())
                : LambdaResult.of(payload).after(java.time.Duration.ofSeconds(payload.intValue()));

        private ExecutionResult runWith(int threads) {
            return virtual().lambdas(flaky).parallelism(threads).random(new java.util.Random(7))
                    .build().run(StateMachine.parse(JITTERY),
                            json("{'items':[5,1,4,2,3,9,7,8,6]}"), options());
        }

        @Test
        void threads_do_not_change_results_ids_jitter_or_history() {
            ExecutionResult sequential = runWith(1);

            ExecutionResult threaded = runWith(4);

            assertThat(threaded.output()).isEqualTo(sequential.output());
            assertThat(threaded.history()).isEqualTo(sequential.history());
            assertThat(threaded.stopTime()).isEqualTo(sequential.stopTime());
        }
    }
}
