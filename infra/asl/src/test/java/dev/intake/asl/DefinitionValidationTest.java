package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.machine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionValidationTest {

    private static String task(String extra) {
        return "{'StartAt':'Retry1','States':{'Retry1':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sns:publish'," + extra + "'End':true},"
                + "'Next1':{'Type':'Succeed'}}}";
    }

    private static void refused(String definition, String message) {
        assertThatThrownBy(() -> machine(definition))
                .isInstanceOf(AslDefinitionException.class)
                .hasMessage(message);
    }

    @Nested
    class Structure {

        @Test
        void accepts_a_minimal_machine() {
            StateMachine sm = machine("{'StartAt':'A','States':{'A':{'Type':'Succeed'}}}");

            assertThat(sm.startAt()).isEqualTo("A");
            assertThat(sm.stateNames()).containsExactly("A");
        }

        @Test
        void refuses_invalid_json() {
            assertThatThrownBy(() -> StateMachine.parse("{\"StartAt\":"))
                    .isInstanceOf(AslDefinitionException.class)
                    .hasMessageStartingWith("Definition is not valid JSON: ");
        }

        @Test
        void refuses_an_unknown_start_state() {
            refused("{'StartAt':'B','States':{'A':{'Type':'Succeed'}}}",
                    "Field \"StartAt\": no state named \"B\" in this States object");
        }

        @Test
        void refuses_an_unknown_next_state() {
            refused("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nowhere'}}}",
                    "State \"A\" field \"Next\": no state named \"Nowhere\" in the same States "
                            + "object");
        }

        @Test
        void refuses_an_unreachable_state() {
            refused("{'StartAt':'A','States':{'A':{'Type':'Succeed'},'B':{'Type':'Succeed'}}}",
                    "State \"B\": is not reachable from StartAt \"A\"");
        }

        @Test
        void refuses_both_next_and_end() {
            refused("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B','End':true},"
                    + "'B':{'Type':'Succeed'}}}",
                    "State \"A\": needs exactly one of \"Next\" and \"End\"");
        }

        @Test
        void refuses_end_on_a_choice() {
            refused("{'StartAt':'C','States':{'C':{'Type':'Choice','End':true,'Choices':[{"
                    + "'Variable':'$.a','IsPresent':true,'Next':'D'}]},'D':{'Type':'Succeed'}}}",
                    "State \"C\" field \"End\": a Choice state cannot have Next or End; its "
                            + "Choices and Default choose the next state");
        }

        @Test
        void refuses_a_misspelt_field() {
            refused("{'StartAt':'A','States':{'A':{'Type':'Pass','Nxt':'B','End':true}}}",
                    "State \"A\" field \"Nxt\": is not a field of a Pass state");
        }

        @Test
        void refuses_jsonata_as_not_supported_yet() {
            refused("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Succeed'}}}",
                    "Field \"QueryLanguage\": JSONata is not supported yet; use the JSONPath "
                            + "query language (omit QueryLanguage)");
        }

        @Test
        void refuses_a_branch_state_that_jumps_out_of_its_branch() {
            refused("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':[{"
                    + "'StartAt':'B1','States':{'B1':{'Type':'Pass','Next':'Out'}}}]},"
                    + "'Out':{'Type':'Succeed'}}}",
                    "State \"B1\" field \"Next\": no state named \"Out\" in the same States "
                            + "object");
        }

        @Test
        void refuses_duplicate_state_names_across_branches() {
            refused("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':[{"
                    + "'StartAt':'P','States':{'P':{'Type':'Succeed'}}}]}}}",
                    "State \"P\": the name is used twice; state names must be unique in the "
                            + "whole state machine");
        }
    }

    @Nested
    class RetryAndCatch {

        @Test
        void refuses_a_backoff_rate_below_one() {
            refused(task("'Retry':[{'ErrorEquals':['States.ALL'],'BackoffRate':0.5}],"),
                    "State \"Retry1\" field \"Retry[0].BackoffRate\": must be at least 1.0, "
                            + "was 0.5");
        }

        @Test
        void refuses_states_all_with_other_errors() {
            refused(task("'Retry':[{'ErrorEquals':['States.ALL','X']}],"),
                    "State \"Retry1\" field \"Retry[0].ErrorEquals\": \"States.ALL\" must appear "
                            + "alone, was [\"States.ALL\",\"X\"]");
        }

        @Test
        void refuses_states_all_before_the_last_catcher() {
            refused(task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Next1'},"
                    + "{'ErrorEquals':['X'],'Next':'Next1'}],"),
                    "State \"Retry1\" field \"Catch[0].ErrorEquals\": \"States.ALL\" may only "
                            + "appear in the last catcher");
        }

        @Test
        void refuses_a_result_path_into_the_context_object() {
            refused(task("'ResultPath':'$$.Execution.Input',"),
                    "State \"Retry1\" field \"ResultPath\": must not start with '$$' (the "
                            + "context object is read-only), was '$$.Execution.Input'");
        }

        @Test
        void refuses_a_negative_max_attempts() {
            refused(task("'Retry':[{'ErrorEquals':['X'],'MaxAttempts':-1}],"),
                    "State \"Retry1\" field \"Retry[0].MaxAttempts\": must be between 0 and "
                            + "99999999, was -1");
        }

        @Test
        void refuses_an_unknown_jitter_strategy() {
            refused(task("'Retry':[{'ErrorEquals':['X'],'JitterStrategy':'HALF'}],"),
                    "State \"Retry1\" field \"Retry[0].JitterStrategy\": must be \"FULL\" or "
                            + "\"NONE\", was \"HALF\"");
        }

        @Test
        void refuses_a_heartbeat_not_below_the_timeout() {
            refused(task("'TimeoutSeconds':10,'HeartbeatSeconds':10,"),
                    "State \"Retry1\" field \"HeartbeatSeconds\": must be smaller than "
                            + "TimeoutSeconds (10), was 10");
        }
    }

    @Nested
    class Fields {

        @Test
        void refuses_a_dynamic_parameter_that_is_not_a_string() {
            refused(task("'Parameters':{'a':{'b.$':3}},"),
                    "State \"Retry1\" field \"Parameters.a.b.$\": a key ending in \".$\" needs a "
                            + "path or intrinsic function string, was 3");
        }

        @Test
        void refuses_an_unknown_intrinsic_function() {
            refused(task("'Parameters':{'a.$':'States.Nope(1)'},"),
                    "State \"Retry1\" field \"Parameters.a.$\": unknown intrinsic function "
                            + "States.Nope");
        }

        @Test
        void refuses_keys_that_collide_once_renamed() {
            refused("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":"
                    + "{\"a\":1,\"a.$\":\"$.x\"},\"End\":true}}}",
                    "State \"A\" field \"Parameters.a.$\": duplicates the field \"a\" once \".$\" "
                            + "is removed");
        }

        @Test
        void refuses_a_wait_with_two_durations() {
            refused("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':1,"
                    + "'SecondsPath':'$.s','End':true}}}",
                    "State \"W\": needs exactly one of Seconds, SecondsPath, Timestamp and "
                            + "TimestampPath, had 2");
        }

        @ParameterizedTest
        @CsvSource({"2016-12-05T21:29:29", "2016-12-05 21:29:29Z", "2016-13-05T21:29:29Z",
            "2016-12-05T25:29:29Z", "2016-12-05t21:29:29z"})
        void refuses_wait_timestamps_that_are_not_rfc3339(String timestamp) {
            refused("{'StartAt':'W','States':{'W':{'Type':'Wait','Timestamp':'" + timestamp
                    + "','End':true}}}",
                    "State \"W\" field \"Timestamp\": must be an RFC 3339 timestamp such as "
                            + "\"2016-03-14T01:59:00Z\", was \"" + timestamp + "\"");
        }

        @Test
        void accepts_a_timestamp_with_nanoseconds_and_an_offset() {
            assertThat(machine("{'StartAt':'W','States':{'W':{'Type':'Wait',"
                    + "'Timestamp':'2016-12-05T21:29:29.123456789+02:00','End':true}}}")
                    .startAt()).isEqualTo("W");
        }

        @Test
        void refuses_a_choice_rule_with_two_operators() {
            refused("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                    + "'Variable':'$.a','IsPresent':true,'IsNull':false,'Next':'D'}]},"
                    + "'D':{'Type':'Succeed'}}}",
                    "State \"C\" field \"Choices[0]\": needs exactly one of And, Or, Not or a "
                            + "comparison operator, had [IsPresent, IsNull]");
        }

        @Test
        void refuses_a_numeric_comparison_with_a_string() {
            refused("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                    + "'Variable':'$.a','NumericEquals':'1','Next':'D'}]},"
                    + "'D':{'Type':'Succeed'}}}",
                    "State \"C\" field \"Choices[0].NumericEquals\": must be a number, was \"1\"");
        }

        @Test
        void refuses_a_nested_rule_with_next() {
            refused("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Not':{"
                    + "'Variable':'$.a','IsNull':true,'Next':'D'},'Next':'D'}]},"
                    + "'D':{'Type':'Succeed'}}}",
                    "State \"C\" field \"Choices[0].Not.Next\": is only allowed in a top-level "
                            + "Choice Rule");
        }

        @Test
        void refuses_an_open_backslash_in_string_matches() {
            refused("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{"
                    + "\"Variable\":\"$.a\",\"StringMatches\":\"a\\\\b\",\"Next\":\"D\"}]},"
                    + "\"D\":{\"Type\":\"Succeed\"}}}",
                    "State \"C\" field \"Choices[0].StringMatches\": StringMatches pattern 'a\\b' "
                            + "has an open backslash at character 2; only \\* and \\\\ are "
                            + "escapes");
        }

        @Test
        void refuses_distributed_fields_on_an_inline_map() {
            refused("{'StartAt':'M','States':{'M':{'Type':'Map','ToleratedFailureCount':1,"
                    + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},"
                    + "'End':true}}}",
                    "State \"M\" field \"ToleratedFailureCount\": needs ProcessorConfig Mode "
                            + "DISTRIBUTED in ItemProcessor");
        }

        @Test
        void refuses_an_invalid_input_path() {
            refused("{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'a.b','End':true}}}",
                    "State \"A\" field \"InputPath\": is not a valid path: must start with '$', "
                            + "was 'a.b'");
        }
    }

    @Nested
    class DistributedMap {

        private String map(String reader) {
            return "{'StartAt':'M','States':{'M':{'Type':'Map','End':true," + reader
                    + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                    + "'ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{"
                    + "'Type':'Succeed'}}}}}}";
        }

        @Test
        void refuses_a_reader_other_than_get_object() {
            refused(map("'ItemReader':{'Resource':'arn:aws:states:::s3:listObjectsV2',"
                    + "'Parameters':{'Bucket':'b'}},"),
                    "State \"M\" field \"ItemReader.Resource\": must be "
                            + "\"arn:aws:states:::s3:getObject\" (other readers are not "
                            + "supported yet), was \"arn:aws:states:::s3:listObjectsV2\"");
        }

        @Test
        void refuses_csv_headers_with_first_row() {
            refused(map("'ItemReader':{'Resource':'arn:aws:states:::s3:getObject',"
                    + "'ReaderConfig':{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW',"
                    + "'CSVHeaders':['a']},'Parameters':{'Bucket':'b','Key':'k'}},"),
                    "State \"M\" field \"ItemReader.ReaderConfig.CSVHeaders\": is only "
                            + "allowed with CSVHeaderLocation GIVEN");
        }

        @Test
        void refuses_a_percentage_over_one_hundred() {
            refused(map("'ItemsPath':'$.x','ToleratedFailurePercentage':100.1,"),
                    "State \"M\" field \"ToleratedFailurePercentage\": must be a number from 0 "
                            + "to 100, was 100.1");
        }

        @Test
        void refuses_a_batcher_without_a_limit() {
            refused(map("'ItemBatcher':{'BatchInput':{'a':1}},"),
                    "State \"M\" field \"ItemBatcher\": needs at least one of "
                            + "MaxItemsPerBatch(Path) and MaxInputBytesPerBatch(Path)");
        }
    }

    @Test
    void refuses_variables_as_not_supported_yet() {
        refused("{'StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'x':1},'End':true}}}",
                "State \"A\" field \"Assign\": JSONata fields and variables are not "
                        + "supported yet");
    }
}
