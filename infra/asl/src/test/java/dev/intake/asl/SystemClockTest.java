package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The real-time path: calls run on their own thread and are abandoned when they overrun. */
class SystemClockTest {

    @Test
    void a_handler_that_overruns_its_timeout_fails_with_states_timeout() {
        TaskHandler slow = (resource, parameters, context) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.of(json("'late'"));
        };

        ExecutionResult result = Interpreter.builder().clock(new SystemClock()).tasks(slow)
                .build().run(StateMachine.parse("""
                        {"StartAt":"T","States":{"T":{"Type":"Task",
                          "Resource":"arn:aws:states:::sns:publish","TimeoutSeconds":1,
                          "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"H1"},
                                   {"ErrorEquals":["States.ALL"],"Next":"H2"}],"End":true},
                          "H1":{"Type":"Pass","Result":"H1","End":true},
                          "H2":{"Type":"Pass","Result":"H2","End":true}}}
                        """), json("{}"), options());

        assertThat(result.output()).isEqualTo(json("'H2'"));
    }

    @Test
    void the_execution_timeout_stops_a_call_that_outlives_it() {
        TaskHandler slow = (resource, parameters, context) -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.of(json("'late'"));
        };

        ExecutionResult result = Interpreter.builder().clock(new SystemClock()).tasks(slow)
                .build().run(StateMachine.parse("""
                        {"TimeoutSeconds":1,"StartAt":"T","States":{"T":{"Type":"Task",
                          "Resource":"arn:aws:states:::sns:publish","TimeoutSeconds":60,
                          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
                          "H":{"Type":"Succeed"}}}
                        """), json("{}"), options());

        assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.error()).isEqualTo("States.Timeout");
    }
}
