package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.START;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MapAndParallelTest {

    /** Doubles {@code $.n}; fails for n = 13; takes n seconds of virtual time. */
    private static final TaskHandler DOUBLER = (resource, parameters, context) -> {
        int n = parameters.get("n").intValue();
        if (n == 13) {
            throw new TaskFailedException("Unlucky", "n is 13");
        }
        return TaskResult.of(json("{'n':" + (2 * n) + "}")).after(Duration.ofSeconds(n));
    };

    private static String inlineMap(String extra) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",%s
                  "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Task",
                    "Resource":"arn:aws:states:::compute:double","End":true}}},
                  "End":true}}}
                """.formatted(extra);
    }

    private static ExecutionResult run(String definition, String input) {
        return virtual().tasks(DOUBLER).build().run(StateMachine.parse(definition),
                json(input), options());
    }

    @Nested
    class InlineMap {

        @Test
        void results_keep_input_order() {
            ExecutionResult result = run(inlineMap(""), "{'items':[{'n':3},{'n':1},{'n':2}]}");

            assertThat(result.output()).isEqualTo(json("[{'n':6},{'n':2},{'n':4}]"));
        }

        @Test
        void an_empty_array_gives_an_empty_result() {
            assertThat(run(inlineMap(""), "{'items':[]}").output()).isEqualTo(json("[]"));
        }

        @Test
        void unlimited_concurrency_runs_all_iterations_from_the_map_start() {
            ExecutionResult result = run(inlineMap(""), "{'items':[{'n':3},{'n':1},{'n':2}]}");

            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(3));
        }

        @Test
        void max_concurrency_one_runs_iterations_one_after_another() {
            ExecutionResult result = run(inlineMap("\"MaxConcurrency\":1,"),
                    "{'items':[{'n':3},{'n':1},{'n':2}]}");

            assertThat(result.events(HistoryEventType.MapIterationStarted).stream()
                    .map(HistoryEvent::timestamp).toList()).containsExactly(START,
                            START.plusSeconds(3), START.plusSeconds(4));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(6));
        }

        @Test
        void item_selector_sees_the_map_input_and_the_item_context() {
            ExecutionResult result = run(inlineMap("\"ItemSelector\":{"
                    + "\"n.$\":\"$$.Map.Item.Value.v\","
                    + "\"index.$\":\"$$.Map.Item.Index\",\"tag.$\":\"$.tag\"},"),
                    "{'tag':'t','items':[{'v':5},{'v':6}]}");

            assertThat(result.output()).isEqualTo(json("[{'n':10},{'n':12}]"));
        }

        @Test
        void a_failed_iteration_fails_the_map_and_skips_later_ones() {
            AtomicInteger calls = new AtomicInteger();
            TaskHandler counting = (r, p, c) -> {
                calls.incrementAndGet();
                return DOUBLER.handle(r, p, c);
            };

            ExecutionResult result = virtual().tasks(counting).build().run(
                    StateMachine.parse(inlineMap("\"MaxConcurrency\":1,")),
                    json("{'items':[{'n':1},{'n':13},{'n':2}]}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("Unlucky");
            assertThat(calls).hasValue(2);
            assertThat(result.events(HistoryEventType.MapIterationFailed).get(0).details())
                    .isEqualTo(json("{'index':1,'name':'M','error':'Unlucky',"
                            + "'cause':'n is 13'}"));
        }

        @Test
        void deprecated_iterator_and_parameters_still_work() {
            ExecutionResult result = run("""
                    {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                      "Parameters":{"n.$":"$$.Map.Item.Value"},
                      "Iterator":{"StartAt":"Double","States":{"Double":{"Type":"Task",
                        "Resource":"arn:aws:states:::compute:double","End":true}}},
                      "End":true}}}
                    """, "{'items':[1,2]}");

            assertThat(result.output()).isEqualTo(json("[{'n':2},{'n':4}]"));
        }

        @Test
        void history_groups_iterations_in_index_order() {
            ExecutionResult result = run(inlineMap(""), "{'items':[{'n':2},{'n':1}]}");

            assertThat(AslTestSupport.types(result)).containsExactly("ExecutionStarted",
                    "MapStateEntered", "MapStateStarted",
                    "MapIterationStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                    "TaskSucceeded", "TaskStateExited", "MapIterationSucceeded",
                    "MapIterationStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
                    "TaskSucceeded", "TaskStateExited", "MapIterationSucceeded",
                    "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
        }

        @Test
        void several_threads_give_the_same_result_and_history() {
            String definition = inlineMap("\"MaxConcurrency\":2,");
            String input = "{'items':[{'n':5},{'n':1},{'n':4},{'n':2},{'n':3}]}";
            ExecutionResult one = run(definition, input);

            ExecutionResult four = virtual().tasks(DOUBLER).parallelism(4).build()
                    .run(StateMachine.parse(definition), json(input), options());

            assertThat(four.output()).isEqualTo(one.output());
            assertThat(four.history()).isEqualTo(one.history());
        }
    }

    @Nested
    class Parallel {

        private static final String PARALLEL = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                  "ResultSelector":{"a.$":"$[0].n","b.$":"$[1]"},
                  "Catch":[{"ErrorEquals":["Unlucky"],"ResultPath":"$.error","Next":"H"}],
                  "Branches":[
                    {"StartAt":"A","States":{"A":{"Type":"Task","InputPath":"$.a",
                      "Resource":"arn:aws:states:::compute:double","End":true}}},
                    {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":10,"Next":"B2"},
                      "B2":{"Type":"Pass","Result":"waited","End":true}}}]},
                  "H":{"Type":"Succeed"}}}
                """;

        @Test
        void every_branch_gets_the_input_and_results_keep_branch_order() {
            ExecutionResult result = run(PARALLEL, "{'a':{'n':4}}");

            assertThat(result.output()).isEqualTo(json("{'a':8,'b':'waited'}"));
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(10));
        }

        @Test
        void a_failing_branch_fails_the_state_which_can_catch_it() {
            ExecutionResult result = run(PARALLEL, "{'a':{'n':13}}");

            assertThat(result.output()).isEqualTo(json("{'a':{'n':13},'error':"
                    + "{'Error':'Unlucky','Cause':'n is 13'}}"));
            assertThat(result.events(HistoryEventType.WaitStateEntered)).hasSize(1);
            assertThat(result.events(HistoryEventType.WaitStateExited)).isEmpty();
            assertThat(result.stopTime()).isEqualTo(START);
        }

        @Test
        void the_branch_that_fails_first_on_the_clock_names_the_error() {
            ExecutionResult result = run("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Branches":[
                        {"StartAt":"Late","States":{"Late":{"Type":"Wait","Seconds":5,
                          "Next":"F1"},"F1":{"Type":"Fail","Error":"Late"}}},
                        {"StartAt":"F2","States":{"F2":{"Type":"Fail","Error":"Early"}}}]}}}
                    """, "{}");

            assertThat(result.error()).isEqualTo("Early");
            assertThat(result.events(HistoryEventType.FailStateEntered)).hasSize(1);
        }

        @Test
        void a_retry_runs_every_branch_again() {
            java.util.concurrent.atomic.AtomicInteger aCalls = new AtomicInteger();
            TaskHandler flakyA = (resource, parameters, context) -> {
                if (context.stateName().equals("A") && aCalls.incrementAndGet() == 1) {
                    throw new TaskFailedException("Flaky", "once", Duration.ofSeconds(2));
                }
                return TaskResult.of(json("'" + context.stateName() + "'"));
            };

            ExecutionResult result = virtual().tasks(flakyA).build().run(StateMachine.parse("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":2,"MaxAttempts":2}],
                      "Branches":[
                        {"StartAt":"A","States":{"A":{"Type":"Task",
                          "Resource":"arn:aws:states:::activity:a","End":true}}},
                        {"StartAt":"B","States":{"B":{"Type":"Task",
                          "Resource":"arn:aws:states:::activity:b","End":true}}}]}}}
                    """), json("{}"), options());

            assertThat(result.output()).isEqualTo(json("['A','B']"));
            assertThat(result.invocationCount("A")).isEqualTo(2);
            assertThat(result.invocationCount("B")).isEqualTo(2);
            assertThat(result.stopTime()).isEqualTo(START.plusSeconds(4));
        }
    }

    @Test
    void events_per_state_are_easy_to_count() {
        ExecutionResult result = run(inlineMap(""), "{'items':[{'n':1},{'n':2},{'n':3}]}");

        assertThat(result.invocationCount("Double")).isEqualTo(3);
        List<JsonNode> inputs = result.events(HistoryEventType.TaskStateEntered, "Double")
                .stream().map(e -> e.details().get("input")).toList();
        assertThat(inputs).containsExactly(json("{'n':1}"), json("{'n':2}"), json("{'n':3}"));
    }
}
