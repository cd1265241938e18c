package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.START;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StateSemanticsTest {

    @Nested
    class RetryOnContainers {

        @Test
        void a_map_retries_all_its_iterations_after_one_fails() {
            LambdaInvoker failOnceForTwo = new LambdaInvoker() {
                private boolean failed;

                @Override
                public synchronized LambdaResult invoke(String name,
                        com.fasterxml.jackson.databind.JsonNode payload, InvocationContext c) {
                    if (payload.intValue() == 2 && !failed) {
                        failed = true;
                        return LambdaResult.failed("Flaky", "once", List.of());
                    }
                    return LambdaResult.of(payload);
                }
            };

            ExecutionResult result = virtual().lambdas(failOnceForTwo).build()
                    .run(StateMachine.parse("""
                            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,
                              "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":7}],
                              "ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Task",
                                "Resource":"arn:aws:lambda:us-east-1:1:function:f",
                                "End":true}}},"End":true}}}
                            """), json("[1,2,3]"), options());

            assertThat(result.output()).isEqualTo(json("[1,2,3]"));
            assertThat(result.invocationCount("F")).isEqualTo(5);
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(7));
        }
    }

    @Nested
    class Nesting {

        @Test
        void a_map_inside_a_parallel_sees_its_own_item_context() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Branches":[{"StartAt":"M","States":{"M":{"Type":"Map",
                        "ItemsPath":"$.xs","End":true,
                        "ItemSelector":{"i.$":"$$.Map.Item.Index","x.$":"$$.Map.Item.Value",
                          "state.$":"$$.State.Name"},
                        "ItemProcessor":{"StartAt":"Id","States":{"Id":{"Type":"Pass",
                          "End":true}}}}}}]}}}
                    """), json("{'xs':['a','b']}"), options());

            assertThat(result.output()).isEqualTo(json("[[{'i':0,'x':'a','state':'M'},"
                    + "{'i':1,'x':'b','state':'M'}]]"));
        }

        @Test
        void a_fail_state_in_a_branch_fails_the_execution_with_its_error() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail",
                        "Error":"Import.Halted","Cause":"by rule"}}}]}}}
                    """), json("{}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("Import.Halted");
            assertThat(result.cause()).isEqualTo("by rule");
        }

        @Test
        void a_runtime_error_in_a_branch_passes_a_catch_all() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],
                      "Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass",
                        "InputPath":"$.nope","End":true}}}]},
                      "H":{"Type":"Succeed"}}}
                    """), json("{}"), options());

            assertThat(result.error()).isEqualTo("States.Runtime");
        }
    }

    @Nested
    class Inputs {

        @Test
        void a_scalar_input_can_flow_through_states() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"S"},
                      "S":{"Type":"Succeed"}}}
                    """), json("'text'"), options());

            assertThat(result.output()).isEqualTo(json("'text'"));
        }

        @Test
        void a_path_into_a_scalar_is_a_runtime_error() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a",
                      "End":true}}}
                    """), json("'text'"), options());

            assertThat(result.error()).isEqualTo("States.Runtime");
        }

        @Test
        void result_path_into_a_scalar_input_is_a_result_path_match_failure() {
            ExecutionResult result = virtual().build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,
                      "ResultPath":"$.a","End":true}}}
                    """), json("[1]"), options());

            assertThat(result.error()).isEqualTo("States.ResultPathMatchFailure");
            assertThat(result.cause()).isEqualTo("Unable to apply ResultPath '$.a' to input [1]: "
                    + "it is not a JSON object");
        }
    }
}
