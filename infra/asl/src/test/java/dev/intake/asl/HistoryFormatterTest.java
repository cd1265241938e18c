package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryFormatterTest {

    @Test
    void prints_one_line_per_event_with_the_offset_from_the_start() {
        ExecutionResult result = virtual().build().run(StateMachine.parse("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5400,"Next":"F"},
                  "F":{"Type":"Fail","Error":"Boom","Cause":"x"}}}
                """), json("{'a':1}"), options());

        assertThat(result.formattedHistory()).isEqualTo("""
                   1  +00:00:00.000  ExecutionStarted         -  {"input":{"a":1},\
                "roleArn":"arn:aws:iam::123456789012:role/StepFunctionsRole",\
                "stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:\
                StateMachine"}
                   2  +00:00:00.000  WaitStateEntered         W  {"name":"W","input":{"a":1}}
                   3  +01:30:00.000  WaitStateExited          W  {"name":"W","output":{"a":1}}
                   4  +01:30:00.000  FailStateEntered         F  {"name":"F","input":{"a":1}}
                   5  +01:30:00.000  ExecutionFailed          -  {"error":"Boom","cause":"x"}
                """);
    }

    @Test
    void abbreviates_long_details() {
        ExecutionResult result = virtual().build().run(StateMachine.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}
                """), json("{'s':'" + "z".repeat(300) + "'}"), options());

        String line = result.formattedHistory().lines().toList().get(1);
        assertThat(line).endsWith("zzz…(329 chars)");
    }
}
