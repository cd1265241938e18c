package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.START;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.machine;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {

    private static final String FLAKY = "arn:aws:lambda:us-east-1:123456789012:function:flaky";

    private static String retrying(String retrier, String catcher) {
        return "{'StartAt':'Retry1','States':{'Retry1':{'Type':'Task','Resource':'" + FLAKY
                + "','TimeoutSeconds':60,'Retry':[" + retrier + "],'Catch':[" + catcher
                + "],'End':true},'Handled':{'Type':'Pass','End':true}}}";
    }

    private static LambdaInvoker alwaysFailing(AtomicInteger calls) {
        return (name, payload, context) -> {
            calls.incrementAndGet();
            return LambdaResult.failed("java.lang.IllegalStateException", "row 7 is bad",
                    List.of("dev.intake.Handler.handle(Handler.java:22)"));
        };
    }

    @Nested
    class RetrySchedule {

        @Test
        void retries_five_times_900_seconds_apart_then_catches() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['States.ALL'],"
                    + "'IntervalSeconds':900,"
                    + "'MaxAttempts':5,'BackoffRate':1.0}",
                    "{'ErrorEquals':['States.ALL'],'Next':'Handled'}"));
            AtomicInteger calls = new AtomicInteger();

            ExecutionResult result = virtual().lambdas(alwaysFailing(calls)).build()
                    .run(sm, json("{}"), options());

            assertThat(calls).hasValue(6);
            assertThat(result.events(HistoryEventType.LambdaFunctionScheduled).stream()
                    .map(HistoryEvent::timestamp).toList()).containsExactly(
                            START, START.plusSeconds(900), START.plusSeconds(1800),
                            START.plusSeconds(2700), START.plusSeconds(3600),
                            START.plusSeconds(4500));
            assertThat(result.events(HistoryEventType.RetryScheduled).stream()
                    .map(e -> e.details().toString()).toList()).containsExactly(
                            retryDetails(1), retryDetails(2), retryDetails(3), retryDetails(4),
                            retryDetails(5));
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output()).isEqualTo(json("{'Error':'java.lang.IllegalStateException',"
                    + "'Cause':'" + causeOf(result).replace("\"", "\\\"") + "'}"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(4500));
        }

        private String retryDetails(int count) {
            return "{\"error\":\"java.lang.IllegalStateException\",\"retrier\":0,\"retryCount\":"
                    + count + ",\"delaySeconds\":900}";
        }

        private String causeOf(ExecutionResult result) {
            return result.output().get("Cause").textValue();
        }

        @Test
        void lambda_error_cause_is_the_json_aws_writes() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['Nope'],'MaxAttempts':0}",
                    "{'ErrorEquals':['States.ALL'],'Next':'Handled'}"));

            ExecutionResult result = virtual().lambdas(alwaysFailing(new AtomicInteger()))
                    .build().run(sm, json("{}"), options());

            String cause = result.output().get("Cause").textValue();
            assertThat(cause).matches("\\{\"errorMessage\":\"row 7 is bad\","
                    + "\"errorType\":\"java.lang.IllegalStateException\","
                    + "\"requestId\":\"[0-9a-f-]{36}\","
                    + "\"stackTrace\":\\[\"dev.intake.Handler.handle\\(Handler.java:22\\)\"]}");
        }

        @Test
        void an_exception_thrown_by_the_invoker_is_a_function_error_named_by_its_class() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['Nope'],'MaxAttempts':0}",
                    "{'ErrorEquals':['java.lang.ArithmeticException'],'Next':'Handled'}"));

            ExecutionResult result = virtual().lambdas((name, payload, context) -> {
                throw new ArithmeticException("/ by zero");
            }).build().run(sm, json("{}"), options());

            assertThat(result.output().get("Error").textValue())
                    .isEqualTo("java.lang.ArithmeticException");
            assertThat(result.output().get("Cause").textValue())
                    .startsWith("{\"errorMessage\":\"/ by zero\"");
        }

        @Test
        void backoff_doubles_by_default_and_is_capped_by_max_delay() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['States.ALL'],'IntervalSeconds':3,"
                    + "'MaxAttempts':4,'MaxDelaySeconds':10}",
                    "{'ErrorEquals':['States.ALL'],'Next':'Handled'}"));

            ExecutionResult result = virtual().lambdas(alwaysFailing(new AtomicInteger()))
                    .build().run(sm, json("{}"), options());

            assertThat(delays(result)).containsExactly("3", "6", "10", "10");
        }

        @Test
        void full_jitter_draws_each_delay_from_the_seeded_random() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['States.ALL'],'IntervalSeconds':10,"
                    + "'MaxAttempts':2,'BackoffRate':1,'JitterStrategy':'FULL'}",
                    "{'ErrorEquals':['States.ALL'],'Next':'Handled'}"));
            Random expected = new Random(42);
            String first = String.format(java.util.Locale.ROOT, "%.3f", 10 * expected.nextDouble());
            String second = String.format(java.util.Locale.ROOT, "%.3f",
                    10 * expected.nextDouble());

            ExecutionResult result = virtual().random(new Random(42))
                    .lambdas(alwaysFailing(new AtomicInteger())).build()
                    .run(sm, json("{}"), options());

            assertThat(delays(result)).containsExactly(strip(first), strip(second));
        }

        private String strip(String number) {
            return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
        }

        @Test
        void max_attempts_zero_means_one_call_and_no_retry() {
            StateMachine sm = machine(retrying("{'ErrorEquals':['States.ALL'],'MaxAttempts':0}",
                    "{'ErrorEquals':['States.ALL'],'Next':'Handled'}"));
            AtomicInteger calls = new AtomicInteger();

            ExecutionResult result = virtual().lambdas(alwaysFailing(calls)).build()
                    .run(sm, json("{}"), options());

            assertThat(calls).hasValue(1);
            assertThat(result.events(HistoryEventType.RetryScheduled)).isEmpty();
        }

        private List<String> delays(ExecutionResult result) {
            return result.events(HistoryEventType.RetryScheduled).stream()
                    .map(e -> e.details().get("delaySeconds").decimalValue().toPlainString())
                    .toList();
        }
    }

    @Nested
    class RetryCount {

        @Test
        void context_retry_count_counts_attempts_and_resets_on_a_new_visit() {
            StateMachine sm = machine("{'StartAt':'T','States':{"
                    + "'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                    + "'Parameters':{'FunctionName':'f','Payload':{'n.$':'$$.State.RetryCount'}},"
                    + "'Retry':[{'ErrorEquals':['Again'],'IntervalSeconds':1,'MaxAttempts':5}],"
                    + "'ResultSelector':{'n.$':'$.Payload.n'},'Next':'Loop'},"
                    + "'Loop':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericEquals':2,"
                    + "'Next':'Done'}],'Default':'T'},"
                    + "'Done':{'Type':'Succeed'}}}");
            AtomicInteger calls = new AtomicInteger();
            List<Integer> seen = new java.util.ArrayList<>();
            LambdaInvoker invoker = (name, payload, context) -> {
                seen.add(payload.get("n").intValue());
                return calls.incrementAndGet() % 3 == 0 ? LambdaResult.of(payload)
                        : LambdaResult.failed("Again", "not yet", List.of());
            };

            ExecutionResult result = virtual().lambdas(invoker).build()
                    .run(sm, json("{}"), options());

            assertThat(seen).containsExactly(0, 1, 2);
            assertThat(result.output()).isEqualTo(json("{'n':2}"));
        }
    }

    @Nested
    class ErrorMatching {

        private static final String TWO_CATCHERS = "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::dynamodb:putItem','TimeoutSeconds':1,"
                + "'Catch':[{'ErrorEquals':['States.TaskFailed'],'Next':'H1'},"
                + "{'ErrorEquals':['States.ALL'],'Next':'H2'}],'End':true},"
                + "'H1':{'Type':'Pass','Result':'H1','End':true},"
                + "'H2':{'Type':'Pass','Result':'H2','End':true}}}";

        private ExecutionResult failingWith(TaskHandler handler) {
            return virtual().tasks(handler).build().run(machine(TWO_CATCHERS), json("{}"),
                    options());
        }

        @Test
        void task_failed_matches_a_named_error() {
            ExecutionResult result = failingWith((r, p, c) -> {
                throw new TaskFailedException("DynamoDB.ResourceNotFoundException", "no table");
            });

            assertThat(result.output()).isEqualTo(json("'H1'"));
        }

        @Test
        void task_failed_does_not_match_a_timeout_but_all_does() {
            ExecutionResult result = failingWith((r, p, c) -> TaskResult.of(json("{}"))
                    .after(java.time.Duration.ofMillis(1500)));

            assertThat(result.output()).isEqualTo(json("'H2'"));
            assertThat(result.events(HistoryEventType.TaskTimedOut).get(0).timestamp())
                    .isEqualTo(START.plusSeconds(1));
            assertThat(result.events(HistoryEventType.TaskTimedOut).get(0).details())
                    .isEqualTo(json("{'resourceType':'dynamodb','resource':'putItem',"
                            + "'error':'States.Timeout','cause':''}"));
        }

        @Test
        void error_names_match_case_sensitively() {
            ExecutionResult result = virtual().tasks((r, p, c) -> {
                throw new TaskFailedException("boom", "x");
            }).build().run(machine("{'StartAt':'T','States':{'T':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::sns:publish',"
                    + "'Catch':[{'ErrorEquals':['Boom'],'Next':'H'}],'End':true},"
                    + "'H':{'Type':'Succeed'}}}"), json("{}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("boom");
            assertThat(result.cause()).isEqualTo("x");
        }

        @Test
        void states_runtime_is_never_caught() {
            ExecutionResult result = virtual().tasks((r, p, c) -> TaskResult.of(json("{}")))
                    .build().run(machine("{'StartAt':'T','States':{'T':{'Type':'Task',"
                            + "'Resource':'arn:aws:states:::sns:publish',"
                            + "'OutputPath':'$.no.such.result.path',"
                            + "'Catch':[{'ErrorEquals':['States.Runtime'],'Next':'H'}],"
                            + "'End':true},'H':{'Type':'Succeed'}}}"), json("{}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause()).isEqualTo("Invalid path '$.no.such.result.path' : "
                    + "Missing property in path $['no']");
        }

        @Test
        void catcher_result_path_merges_the_error_into_the_raw_input() {
            ExecutionResult result = virtual().tasks((r, p, c) -> {
                throw new TaskFailedException("S3.NoSuchKeyException", "gone");
            }).build().run(machine("{'StartAt':'T','States':{'T':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::aws-sdk:s3:getObject','InputPath':'$.a',"
                    + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error',"
                    + "'Next':'H'}],'End':true},'H':{'Type':'Succeed'}}}"),
                    json("{'a':{'b':1},'c':2}"), options());

            assertThat(result.output()).isEqualTo(json("{'a':{'b':1},'c':2,'error':"
                    + "{'Error':'S3.NoSuchKeyException','Cause':'gone'}}"));
        }

        @Test
        void a_task_result_over_256_kib_is_caught_by_states_all() {
            String big = "x".repeat(262_144);
            ExecutionResult result = virtual().tasks((r, p, c) -> TaskResult.of(
                    json("'" + big + "'"))).build().run(machine("{'StartAt':'T','States':{"
                    + "'T':{'Type':'Task','Resource':'arn:aws:states:::sns:publish',"
                    + "'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':null,'Next':'H'}],"
                    + "'End':true},'H':{'Type':'Succeed'}}}"), json("{}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.events(HistoryEventType.TaskStateExited).get(0).details()
                    .get("output")).isEqualTo(json("{}"));
        }
    }

    @Test
    void virtual_clock_moves_to_the_stop_time() {
        VirtualClock clock = new VirtualClock(START);
        StateMachine sm = machine("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,"
                + "'End':true}}}");

        Interpreter.builder().clock(clock).build().run(sm, json("{}"), options());

        assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    }
}
