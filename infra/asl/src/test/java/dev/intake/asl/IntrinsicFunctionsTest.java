package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.MAPPER;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntrinsicFunctionsTest {

    private static ExecutionResult evaluate(String expression, JsonNode input, Random random) {
        ObjectNode parameters = MAPPER.createObjectNode();
        parameters.put("r.$", expression);
        String definition = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"Parameters\":" + parameters + ",\"OutputPath\":\"$.r\",\"End\":true}}}";
        return virtual().random(random).build().run(StateMachine.parse(definition), input,
                options());
    }

    static List<Arguments> cases() throws IOException {
        try (InputStream in = IntrinsicFunctionsTest.class.getResourceAsStream(
                "/intrinsics/cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode c : MAPPER.readTree(in)) {
                cases.add(Arguments.of(Named.of(c.get("expr").textValue(),
                        c.get("expr").textValue()), c.get("input"), c));
            }
            return cases;
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluates_as_recorded(String expression, JsonNode input, JsonNode expected) {
        ExecutionResult result = evaluate(expression, input, new Random(0));

        if (expected.has("error")) {
            assertThat(result.error()).isEqualTo(expected.get("error").textValue());
        } else {
            assertThat(result.error()).isNull();
            assertThat(result.output()).isEqualTo(expected.get("result"));
        }
    }

    @Nested
    class Randomness {

        @Test
        void uuid_is_a_version_4_uuid_drawn_from_the_seeded_random() {
            JsonNode first = evaluate("States.UUID()", json("{}"), new Random(5)).output();
            JsonNode again = evaluate("States.UUID()", json("{}"), new Random(5)).output();

            assertThat(first.textValue()).matches(Pattern.compile(
                    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
            assertThat(again).isEqualTo(first);
        }

        @Test
        void math_random_without_seed_stays_in_its_range() {
            for (int seed = 0; seed < 50; seed++) {
                int value = evaluate("States.MathRandom(3, 5)", json("{}"), new Random(seed))
                        .output().intValue();
                assertThat(value).isBetween(3, 4);
            }
        }
    }

    @Nested
    class Failures {

        @Test
        void an_intrinsic_failure_names_the_function_and_the_problem() {
            ExecutionResult result = evaluate("States.ArrayLength($.a)", json("{'a':'x'}"),
                    new Random(0));

            assertThat(result.error()).isEqualTo("States.IntrinsicFailure");
            assertThat(result.cause()).isEqualTo("States.ArrayLength: argument 1 must be an "
                    + "array, was \"x\"");
        }

        @Test
        void an_intrinsic_failure_can_be_caught() {
            ExecutionResult result = virtual().tasks((r, p, c) -> TaskResult.of(p)).build()
                    .run(StateMachine.parse("""
                            {"StartAt":"T","States":{"T":{"Type":"Task",
                             "Resource":"arn:aws:states:::sns:publish",
                             "Parameters":{"n.$":"States.ArrayGetItem($.a, 5)"},
                             "Catch":[{"ErrorEquals":["States.IntrinsicFailure"],"Next":"H"}],
                             "End":true},"H":{"Type":"Succeed"}}}
                            """), json("{'a':[]}"), options());

            assertThat(result.output()).isEqualTo(json("{'Error':'States.IntrinsicFailure',"
                    + "'Cause':'States.ArrayGetItem: index 5 is out of bounds for an array of "
                    + "0 elements'}"));
        }
    }
}
