package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.machine;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InputOutputProcessingTest {

    private static ExecutionResult pass(String fields, String input) {
        return virtual().build().run(machine("{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + fields + "'End':true}}}"), json(input), options());
    }

    @Nested
    class Paths {

        @Test
        void result_path_null_passes_the_raw_input() {
            assertThat(pass("'Result':'x','ResultPath':null,", "{'a':1}").output())
                    .isEqualTo(json("{'a':1}"));
        }

        @Test
        void result_path_merges_into_the_raw_input_not_the_input_path_view() {
            ExecutionResult result = pass("'InputPath':'$.numbers','Result':7,"
                    + "'ResultPath':'$.sum',", "{'title':'t','numbers':{'a':3,'b':4}}");

            assertThat(result.output())
                    .isEqualTo(json("{'title':'t','numbers':{'a':3,'b':4},'sum':7}"));
        }

        @Test
        void result_path_creates_missing_objects() {
            assertThat(pass("'Result':'Hi!','ResultPath':'$.b.greeting',", "{'a':1}").output())
                    .isEqualTo(json("{'a':1,'b':{'greeting':'Hi!'}}"));
        }

        @Test
        void input_path_null_and_output_path_null_give_an_empty_object() {
            assertThat(pass("'InputPath':null,", "{'a':1}").output()).isEqualTo(json("{}"));
            assertThat(pass("'OutputPath':null,", "{'a':1}").output()).isEqualTo(json("{}"));
        }

        @Test
        void an_indefinite_input_path_selects_a_list() {
            assertThat(pass("'InputPath':'$.a[0,1]',", "{'a':[1,2,3,4]}").output())
                    .isEqualTo(json("[1,2]"));
        }

        @Test
        void a_filter_that_finds_nothing_gives_an_empty_list() {
            assertThat(pass("'InputPath':'$.a[?(@.x > 5)]',", "{'a':[{'x':1}]}").output())
                    .isEqualTo(json("[]"));
        }

        @Test
        void a_missing_definite_path_is_a_runtime_error_with_jaywa_s_message() {
            ExecutionResult result = pass("'InputPath':'$.missing',", "{'a':1}");

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause())
                    .isEqualTo("Invalid path '$.missing' : No results for path: $['missing']");
        }

        @Test
        void decimals_keep_their_exact_value() {
            assertThat(pass("", "{'a':0.1000000000000000055511151231257827}").output()
                    .toString()).isEqualTo("{\"a\":0.1000000000000000055511151231257827}");
        }
    }

    @Nested
    class Templates {

        @Test
        void parameters_read_the_input_the_context_and_intrinsics() {
            StateMachine sm = StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Parameters":{
                      "static":"s","fromInput.$":"$.a","name.$":"$$.Execution.Name",
                      "state.$":"$$.State.Name","nested":{"list":[{"x.$":"$.a"}]},
                      "joined.$":"States.Format('{}-{}', $.a, $$.Execution.Name)"}}}}
                    """);

            ExecutionResult result = virtual().build().run(sm, json("{'a':1}"), options());

            assertThat(result.output()).isEqualTo(json("{'static':'s','fromInput':1,"
                    + "'name':'exec-1','state':'P','nested':{'list':[{'x':1}]},"
                    + "'joined':'1-exec-1'}"));
        }

        @Test
        void result_is_a_literal_not_a_template() {
            assertThat(pass("'Result':{'TestResult.$':'ConditionTrue'},", "{}").output())
                    .isEqualTo(json("{'TestResult.$':'ConditionTrue'}"));
        }

        @Test
        void a_missing_parameter_path_is_a_runtime_error() {
            ExecutionResult result = pass("'Parameters':{'x.$':'$.nope'},", "{}");

            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause())
                    .isEqualTo("Invalid path '$.nope' : No results for path: $['nope']");
        }

        @Test
        void result_selector_shapes_the_raw_result_before_result_path() {
            AtomicReference<JsonNode> sent = new AtomicReference<>();
            ExecutionResult result = virtual().lambdas((name, payload, context) -> {
                sent.set(payload);
                return LambdaResult.of(json("{'rows':3,'noise':true}"));
            }).build().run(machine("{'StartAt':'T','States':{'T':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::lambda:invoke','Parameters':{"
                    + "'FunctionName':'validate','Payload':{'key.$':'$.key'}},"
                    + "'ResultSelector':{'rows.$':'$.Payload.rows','code.$':'$.StatusCode'},"
                    + "'ResultPath':'$.validation','End':true}}}"),
                    json("{'key':'in/a.csv'}"), options());

            assertThat(sent.get()).isEqualTo(json("{'key':'in/a.csv'}"));
            assertThat(result.output()).isEqualTo(json("{'key':'in/a.csv',"
                    + "'validation':{'rows':3,'code':200}}"));
        }
    }

    @Nested
    class Context {

        @Test
        void exposes_execution_state_machine_and_state_fields() {
            ExecutionResult result = pass("'Parameters':{'c.$':'$$'},", "{'in':1}");

            assertThat(result.output()).isEqualTo(json("{'c':{'Execution':{"
                    + "'Id':'arn:aws:states:us-east-1:123456789012:execution:StateMachine:exec-1',"
                    + "'Input':{'in':1},'Name':'exec-1',"
                    + "'RoleArn':'arn:aws:iam::123456789012:role/StepFunctionsRole',"
                    + "'StartTime':'2026-01-01T00:00:00.000Z','RedriveCount':0},"
                    + "'StateMachine':{'Id':'arn:aws:states:us-east-1:123456789012:stateMachine:"
                    + "StateMachine','Name':'StateMachine'},"
                    + "'State':{'Name':'P','EnteredTime':'2026-01-01T00:00:00.000Z',"
                    + "'RetryCount':0}}}"));
        }
    }

    @Nested
    class PayloadQuota {

        @Test
        void a_pass_output_over_256_kib_fails_the_execution() {
            ExecutionResult result = pass("'Parameters':{'a.$':'$.s','b.$':'$.s'},",
                    "{'s':'" + "y".repeat(140_000) + "'}");

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(result.cause()).isEqualTo("The state/task 'P' returned an output with a "
                    + "size exceeding the maximum number of bytes service limit "
                    + "(280015 > 262144 bytes).");
        }
    }
}
