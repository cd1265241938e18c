package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.MAPPER;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.machine;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChoiceOperatorsTest {

    /** A Choice with the rule going to "Yes" and Default "No". */
    private static ExecutionResult choose(JsonNode rule, JsonNode input) {
        ObjectNode choice = rule.deepCopy();
        choice.put("Next", "Yes");
        String definition = "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                + "\"Choices\":[" + choice + "],\"Default\":\"No\"},"
                + "\"Yes\":{\"Type\":\"Pass\",\"Result\":true,\"End\":true},"
                + "\"No\":{\"Type\":\"Pass\",\"Result\":false,\"End\":true}}}";
        return virtual().build().run(StateMachine.parse(definition), input, options());
    }

    static List<Arguments> cases() throws IOException {
        try (InputStream in = ChoiceOperatorsTest.class.getResourceAsStream(
                "/choice/operators.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : MAPPER.readTree(in)) {
                cases.add(Arguments.of(Named.of(c.get("rule") + " on " + c.get("input"),
                        c.get("rule")), c.get("input"), c.get("matches").booleanValue()));
            }
            return cases;
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void operator_decides_as_recorded(JsonNode rule, JsonNode input, boolean matches) {
        ExecutionResult result = choose(rule, input);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().booleanValue()).isEqualTo(matches);
    }

    @Nested
    class Failures {

        @Test
        void a_missing_variable_is_a_runtime_error() {
            ExecutionResult result = choose(json("{'Variable':'$.a','StringEquals':'v'}"),
                    json("{}"));

            assertThat(result.error()).isEqualTo("States.Runtime");
            assertThat(result.cause()).isEqualTo("Invalid path '$.a' : No results for path: "
                    + "$['a']");
        }

        @Test
        void no_match_without_default_fails_with_no_choice_matched() {
            ExecutionResult result = virtual().build().run(machine("{'StartAt':'C','States':{"
                    + "'C':{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true,"
                    + "'Next':'D'}]},'D':{'Type':'Succeed'}}}"), json("{'a':1}"), options());

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("States.NoChoiceMatched");
        }

        @Test
        void the_first_matching_choice_wins_and_output_path_applies() {
            ExecutionResult result = virtual().build().run(machine("{'StartAt':'C','States':{"
                    + "'C':{'Type':'Choice','InputPath':'$.in','OutputPath':'$.v','Choices':["
                    + "{'Variable':'$.v','NumericGreaterThan':1,'Next':'A'},"
                    + "{'Variable':'$.v','NumericGreaterThan':0,'Next':'B'}]},"
                    + "'A':{'Type':'Pass','Parameters':{'went':'A','v.$':'$'},'End':true},"
                    + "'B':{'Type':'Pass','Parameters':{'went':'B','v.$':'$'},'End':true}}}"),
                    json("{'in':{'v':5}}"), options());

            assertThat(result.output()).isEqualTo(json("{'went':'A','v':5}"));
        }
    }
}
