package dev.intake.asl.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StubsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILES = Path.of("src/test/resources/stubs");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ExecutionResult run(String definition, String stubs, String input) {
        Stubs planned = Stubs.parse(json(stubs), "test stubs");
        StubbedResources resources = planned.resources();
        Interpreter interpreter = Interpreter.builder()
                .clock(new VirtualClock(Instant.parse("2024-01-01T00:00:00Z")))
                .lambdas(resources)
                .tasks(resources)
                .build();
        return interpreter.run(StateMachine.parse(definition), json(input),
                ExecutionOptions.named("stubs-test"));
    }

    @Nested
    class Loading {

        @Test
        void reads_answers_in_order_with_their_durations() {
            Stubs stubs = Stubs.load(FILES.resolve("retry-then-success.json"));

            assertThat(stubs.source())
                    .isEqualTo("stubs file " + FILES.resolve("retry-then-success.json"));
            assertThat(stubs.stateNames()).containsExactly("Validate", "Approve");
            assertThat(stubs.answers("Validate").orElseThrow()).containsExactly(
                    new StubAnswer.Throw("Lambda.TooManyRequestsException", "Rate exceeded",
                            Duration.ZERO),
                    new StubAnswer.Return(json("{\"rows\":3}"), Duration.ofMillis(2500)));
            assertThat(stubs.answers("Approve").orElseThrow())
                    .containsExactly(new StubAnswer.NoCallback(Duration.ZERO));
        }

        @Test
        void a_file_that_is_not_json_is_refused_with_its_name() {
            assertThatThrownBy(() -> Stubs.load(FILES.resolve("broken.json")))
                    .isInstanceOf(StubFormatException.class)
                    .hasMessageStartingWith("stubs file " + FILES.resolve("broken.json")
                            + " is not valid JSON: ");
        }

        @Test
        void an_entry_with_two_kinds_names_state_and_position() {
            assertThatThrownBy(() -> Stubs.parse(
                    json("{\"T\": [{\"return\": 1}, {\"return\": 2, \"throw\": {}}]}"), "f.json"))
                    .isInstanceOf(StubFormatException.class)
                    .hasMessage("f.json, state 'T', answer 1: needs exactly one of \"return\","
                            + " \"throw\" and \"noCallback\"");
        }

        @Test
        void a_negative_duration_is_refused() {
            assertThatThrownBy(() -> Stubs.parse(
                    json("{\"T\": [{\"return\": 1, \"durationSeconds\": -1}]}"), "f.json"))
                    .hasMessage("f.json, state 'T', answer 0: \"durationSeconds\" must be a"
                            + " non-negative number, was -1");
        }

        @Test
        void an_empty_answer_list_is_refused() {
            assertThatThrownBy(() -> Stubs.parse(json("{\"T\": []}"), "f.json"))
                    .hasMessage("f.json, state 'T': expected a non-empty array of answers");
        }
    }

    @Nested
    class Answering {

        private static final String RETRYING_TASK = """
                {"StartAt": "T", "States": {"T": {"Type": "Task",
                  "Resource": "arn:aws:states:::dynamodb:getItem",
                  "Retry": [{"ErrorEquals": ["Busy"], "MaxAttempts": 5, "IntervalSeconds": 1}],
                  "End": true}}}""";

        @Test
        void the_last_answer_repeats_when_calls_outnumber_answers() {
            ExecutionResult result = run(RETRYING_TASK,
                    "{\"T\": [{\"throw\": {\"error\": \"Busy\", \"cause\": \"first\"}},"
                            + " {\"throw\": {\"error\": \"Busy\", \"cause\": \"again\"}}]}", "{}");

            assertThat(result.error()).isEqualTo("Busy");
            assertThat(result.cause()).isEqualTo("again");
            assertThat(result.invocationCount("T")).isEqualTo(6);
        }

        @Test
        void a_throw_then_a_return_is_retried_into_success() {
            ExecutionResult result = run(RETRYING_TASK,
                    "{\"T\": [{\"throw\": {\"error\": \"Busy\", \"cause\": \"c\"}},"
                            + " {\"return\": {\"ok\": true}}]}", "{}");

            assertThat(result.output()).isEqualTo(json("{\"ok\":true}"));
            assertThat(result.invocationCount("T")).isEqualTo(2);
        }

        @Test
        void a_lambda_invoke_stub_describes_the_function_result_and_the_interpreter_wraps_it() {
            ExecutionResult result = run("""
                    {"StartAt": "L", "States": {"L": {"Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "f", "Payload.$": "$"},
                      "ResultSelector": {"p.$": "$.Payload", "s.$": "$.StatusCode"},
                      "End": true}}}""", "{\"L\": [{\"return\": [1, 2]}]}", "{}");

            assertThat(result.output()).isEqualTo(json("{\"p\":[1,2],\"s\":200}"));
        }

        @Test
        void a_lambda_throw_is_a_function_error_with_the_aws_cause_document() {
            ExecutionResult result = run("""
                    {"StartAt": "L", "States": {"L": {"Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                      "End": true}}}""",
                    "{\"L\": [{\"throw\": {\"error\": \"java.lang.IllegalStateException\","
                            + " \"cause\": \"bad\"}}]}", "{}");

            assertThat(result.error()).isEqualTo("java.lang.IllegalStateException");
            assertThat(json(result.cause()).get("errorMessage").asText()).isEqualTo("bad");
        }

        @Test
        void a_lambda_service_error_keeps_its_cause_as_given() {
            ExecutionResult result = run("""
                    {"StartAt": "L", "States": {"L": {"Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f",
                      "End": true}}}""",
                    "{\"L\": [{\"throw\": {\"error\": \"Lambda.ResourceNotFoundException\","
                            + " \"cause\": \"Function not found\"}}]}", "{}");

            assertThat(result.error()).isEqualTo("Lambda.ResourceNotFoundException");
            assertThat(result.cause()).isEqualTo("Function not found");
        }

        @Test
        void a_callback_task_receives_the_returned_value_through_its_token() {
            ExecutionResult result = run("""
                    {"StartAt": "W", "States": {"W": {"Type": "Task",
                      "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                      "Parameters": {"QueueUrl": "q", "MessageBody": {"t.$": "$$.Task.Token"}},
                      "TimeoutSeconds": 60, "End": true}}}""",
                    "{\"W\": [{\"return\": \"approved\", \"durationSeconds\": 30}]}", "{}");

            assertThat(result.output()).isEqualTo(json("\"approved\""));
            assertThat(Duration.between(result.startTime(), result.stopTime()))
                    .isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Nested
    class MissingStubs {

        private static final String NESTED_TASK = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Inner", "States": {"Inner": {"Type": "Task",
                    "Resource": "arn:aws:states:::dynamodb:getItem", "End": true}}}]}}}""";

        @Test
        void are_reported_before_the_run_naming_the_state_and_the_file() {
            Stubs stubs = Stubs.parse(json("{\"Other\": [{\"return\": 1}]}"), "stubs file s.json");

            assertThatThrownBy(() -> stubs.requireStubsFor(StateMachine.parse(NESTED_TASK)))
                    .isInstanceOf(MissingStubException.class)
                    .hasMessage("No stub for Task state 'Inner' in stubs file s.json; add"
                            + " \"Inner\": [{\"return\": <result>}] to it");
        }

        @Test
        void fail_the_task_when_the_run_reaches_them() {
            ExecutionResult result = run(NESTED_TASK, "{}", "{}");

            assertThat(result.error()).isEqualTo("States.TaskFailed");
            assertThat(result.cause()).isEqualTo("dev.intake.asl.stubs.MissingStubException:"
                    + " No stub for Task state 'Inner' in test stubs; add \"Inner\":"
                    + " [{\"return\": <result>}] to it");
        }
    }
}
