package dev.intake.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the corpus itself, so a typo cannot make a case vacuous: every case cites its source,
 * states what it expects, and stubs or counts only Task states its definition has.
 */
class CorpusFormatTest {

    private static final Set<String> KNOWN_FIELDS = Set.of("description", "source", "definition",
            "definitionFile", "input", "stubs", "objects", "expect", "expectInvocations",
            "expectRetryDelays", "als");
    private static final Set<String> STATUSES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT");

    @TestFactory
    Stream<DynamicTest> every_case_is_well_formed() {
        return Corpus.cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.id(),
                () -> assertThat(problems(testCase)).as(testCase.id()).isEmpty()));
    }

    private static List<String> problems(ConformanceCase testCase) {
        JsonNode json = testCase.json();
        List<String> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                problems.add("unknown field " + field);
            }
        });
        if (json.path("description").asText().isBlank()) {
            problems.add("no description");
        }
        if (!json.path("source").asText().matches("^\\[(spec|doc|rec)] .+")) {
            problems.add("source must start with [spec], [doc] or [rec]: " + json.get("source"));
        }
        checkExpect(testCase.expect(), problems);
        checkAls(json.get("als"), problems);
        checkStateNames(testCase, problems);
        return problems;
    }

    private static void checkExpect(JsonNode expect, List<String> problems) {
        if (expect == null) {
            problems.add("no expect");
        } else if (!expect.has("definitionError")
                && !STATUSES.contains(expect.path("status").asText())) {
            problems.add("expect needs a status in " + STATUSES + " or a definitionError");
        } else if ("SUCCEEDED".equals(expect.path("status").asText()) && !expect.has("output")) {
            problems.add("a SUCCEEDED expectation must give the output");
        } else if (expect.has("status") && !"SUCCEEDED".equals(expect.get("status").asText())
                && !expect.has("error")) {
            problems.add("a failure expectation must give the error");
        }
    }

    private static void checkAls(JsonNode als, List<String> problems) {
        boolean valid = als != null && (("same".equals(als.asText()))
                || als.path("divergence").asText().length() > 10
                || als.path("skip").asText().length() > 10);
        if (!valid) {
            problems.add("als must be \"same\" or carry a divergence or skip reason: " + als);
        }
    }

    private static void checkStateNames(ConformanceCase testCase, List<String> problems) {
        Set<String> tasks = new HashSet<>();
        collectTaskStates(testCase.definition(), tasks);
        List<String> named = new ArrayList<>();
        testCase.stubs().fieldNames().forEachRemaining(named::add);
        testCase.json().path("expectInvocations").fieldNames().forEachRemaining(named::add);
        for (String state : named) {
            if (!tasks.contains(state)) {
                problems.add("stubs or expectInvocations name " + state
                        + ", which is not a Task state of the definition");
            }
        }
    }

    private static void collectTaskStates(JsonNode definition, Set<String> names) {
        definition.path("States").properties().forEach(entry -> {
            JsonNode state = entry.getValue();
            if ("Task".equals(state.path("Type").asText())) {
                names.add(entry.getKey());
            }
            state.path("Branches").forEach(branch -> collectTaskStates(branch, names));
            collectTaskStates(state.path("ItemProcessor"), names);
            collectTaskStates(state.path("Iterator"), names);
        });
    }
}
