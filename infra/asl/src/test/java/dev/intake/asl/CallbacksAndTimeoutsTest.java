package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.START;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallbacksAndTimeoutsTest {

    private static final String CALLBACK = """
            {"StartAt":"Approve","States":{"Approve":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"ask","Payload":{"token.$":"$$.Task.Token"}},
              "TimeoutSeconds":3600,%s
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true}}}
            """;

    @Nested
    class Callbacks {

        @Test
        void a_handler_answering_at_once_gives_the_task_its_result() {
            LambdaInvoker ask = (name, payload, context) -> {
                context.callbacks().sendTaskSuccess(payload.get("token").textValue(),
                        json("'test_message_txt'"));
                return LambdaResult.of(json("{}")).after(Duration.ofSeconds(5));
            };

            ExecutionResult result = virtual().lambdas(ask).build()
                    .run(StateMachine.parse(CALLBACK.formatted("")), json("{}"), options());

            assertThat(result.output()).isEqualTo(json("'test_message_txt'"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(5));
            assertThat(AslTestSupport.types(result)).containsSubsequence("TaskScheduled",
                    "TaskStarted", "TaskSubmitted", "TaskSucceeded");
        }

        @Test
        void a_failure_without_error_is_caught_with_null_error_and_cause() {
            LambdaInvoker ask = (name, payload, context) -> {
                context.callbacks().sendTaskFailure(context.taskToken().orElseThrow(), null,
                        null);
                return LambdaResult.of(json("{}"));
            };

            ExecutionResult result = virtual().lambdas(ask).build()
                    .run(StateMachine.parse(CALLBACK.formatted("")), json("{}"), options());

            assertThat(result.output()).isEqualTo(json("{'Error':null,'Cause':null}"));
        }

        @Test
        void no_answer_waits_until_the_timeout() {
            ExecutionResult result = virtual().lambdas((n, p, c) -> LambdaResult.of(json("{}")))
                    .build().run(StateMachine.parse(CALLBACK.formatted("")), json("{}"),
                            options());

            assertThat(result.output()).isEqualTo(json("{'Error':'States.Timeout','Cause':''}"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(3600));
        }

        @Test
        void no_heartbeat_fails_with_heartbeat_timeout() {
            ExecutionResult result = virtual().lambdas((n, p, c) -> LambdaResult.of(json("{}")))
                    .build().run(StateMachine.parse(CALLBACK.formatted("\"HeartbeatSeconds\":60,")),
                            json("{}"), options());

            assertThat(result.output())
                    .isEqualTo(json("{'Error':'States.HeartbeatTimeout','Cause':''}"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(60));
        }

        @Test
        void a_started_execution_waits_for_a_token_sent_from_the_test() {
            Interpreter interpreter = virtual().lambdas((n, p, c) -> LambdaResult.of(json("{}")))
                    .build();
            AslExecution execution = interpreter.start(
                    StateMachine.parse(CALLBACK.formatted("")), json("{}"), options());

            String token = execution.awaitTaskToken("Approve", Duration.ofSeconds(10));
            interpreter.sendTaskSuccess(token, json("{'approved':true}"));

            assertThat(execution.awaitResult().output()).isEqualTo(json("{'approved':true}"));
            assertThatThrownBy(() -> interpreter.sendTaskSuccess(token, json("{}")))
                    .isInstanceOf(TaskTokenException.class)
                    .hasMessage("No task waits on token " + token + ": it was never issued, "
                            + "was already answered, or timed out");
        }

        @Test
        void an_aborted_execution_ends_aborted() {
            AslExecution execution = virtual().lambdas((n, p, c) -> LambdaResult.of(json("{}")))
                    .build().start(StateMachine.parse(CALLBACK.formatted("")), json("{}"),
                            options());
            execution.awaitTaskToken("Approve", Duration.ofSeconds(10));

            execution.abort("Stopped", "by the test");

            ExecutionResult result = execution.awaitResult();
            assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(result.error()).isEqualTo("Stopped");
        }
    }

    @Nested
    class Timeouts {

        private static final String SLOW = """
                {"StartAt":"Slow","States":{"Slow":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:slow",
                  "TimeoutSecondsPath":"$.timeout","End":true}}}
                """;

        @Test
        void a_lambda_slower_than_its_timeout_times_out_at_the_timeout() {
            ExecutionResult result = virtual().lambdas((n, p, c) -> LambdaResult.of(json("1"))
                    .after(Duration.ofSeconds(90))).build()
                    .run(StateMachine.parse(SLOW), json("{'timeout':60}"), options());

            assertThat(result.error()).isEqualTo("States.Timeout");
            assertThat(result.cause()).isEmpty();
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(60));
            assertThat(result.events(HistoryEventType.LambdaFunctionTimedOut)).hasSize(1);
        }

        @Test
        void a_lambda_within_its_timeout_succeeds_after_its_duration() {
            ExecutionResult result = virtual().lambdas((n, p, c) -> LambdaResult.of(json("1"))
                    .after(Duration.ofSeconds(59))).build()
                    .run(StateMachine.parse(SLOW), json("{'timeout':60}"), options());

            assertThat(result.output()).isEqualTo(json("1"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(59));
        }

        @Test
        void an_unhandled_function_timeout_is_lambda_unknown_after_its_duration() {
            ExecutionResult result = virtual().lambdas((n, p, c) -> {
                throw TaskFailedException.lambdaUnknown("Task timed out after 30.00 seconds",
                        Duration.ofSeconds(30));
            }).build().run(StateMachine.parse(SLOW), json("{'timeout':60}"), options());

            assertThat(result.error()).isEqualTo("Lambda.Unknown");
            assertThat(result.cause()).isEqualTo("The cause could not be determined because "
                    + "Lambda did not return an error type. Returned payload: "
                    + "{\"errorMessage\":\"Task timed out after 30.00 seconds\"}");
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(30));
        }

        @Test
        void a_non_positive_timeout_path_is_a_runtime_error() {
            ExecutionResult result = virtual().build()
                    .run(StateMachine.parse(SLOW), json("{'timeout':0}"), options());

            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause()).isEqualTo("The TimeoutSecondsPath of state 'Slow' must "
                    + "reference a positive integer, found 0");
        }

        @Test
        void the_top_level_timeout_ends_the_execution_timed_out() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"TimeoutSeconds":100,"StartAt":"W","States":{
                      "W":{"Type":"Wait","Seconds":500,"End":true}}}
                    """), json("{}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(result.error()).isEqualTo("States.Timeout");
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(100));
        }
    }

    @Nested
    class Waits {

        private ExecutionResult waitWith(String field, String input) {
            return virtual().build().run(StateMachine.parse("{\"StartAt\":\"W\",\"States\":{"
                    + "\"W\":{\"Type\":\"Wait\"," + field + ",\"End\":true}}}"), json(input),
                    options());
        }

        @Test
        void seconds_path_waits_that_long() {
            ExecutionResult result = waitWith("\"SecondsPath\":\"$.s\"", "{'s':30}");

            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(30));
            assertThat(result.output()).isEqualTo(json("{'s':30}"));
        }

        @Test
        void a_timestamp_in_the_past_does_not_wait() {
            ExecutionResult result = waitWith("\"Timestamp\":\"2020-01-01T00:00:00Z\"", "{}");

            assertThat(result.stopTime()).isEqualTo(START);
        }

        @Test
        void timestamp_path_waits_until_then() {
            ExecutionResult result = waitWith("\"TimestampPath\":\"$.t\"",
                    "{'t':'2026-01-01T02:00:00+01:00'}");

            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(3600));
        }

        @Test
        void negative_or_fractional_seconds_path_is_a_runtime_error() {
            assertThat(waitWith("\"SecondsPath\":\"$.s\"", "{'s':-1}").error())
                    .isEqualTo("States.Runtime");
            assertThat(waitWith("\"SecondsPath\":\"$.s\"", "{'s':1.5}").cause())
                    .isEqualTo("The SecondsPath parameter does not reference a valid "
                            + "non-negative integer: 1.5");
        }

        @Test
        void a_timestamp_path_without_zone_is_a_runtime_error() {
            assertThat(waitWith("\"TimestampPath\":\"$.t\"", "{'t':'2016-12-05T21:29:29'}")
                    .error()).isEqualTo("States.Runtime");
        }
    }

    @Test
    void fail_state_reads_error_and_cause_from_paths() {
        AtomicReference<JsonNode> unused = new AtomicReference<>();
        ExecutionResult result = virtual().build().run(StateMachine.parse("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e",
                  "CausePath":"States.Format('row {} is bad', $.row)"}}}
                """), json("{'e':'Import.BadRow','row':7}"), options());

        assertThat(unused.get()).isNull();
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("Import.BadRow");
        assertThat(result.cause()).isEqualTo("row 7 is bad");
    }
}
