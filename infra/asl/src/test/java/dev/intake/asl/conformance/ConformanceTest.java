package dev.intake.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the conformance corpus through our interpreter and checks it against the
 * value the specification, the AWS guide or a recorded AWS execution gives.
 */
class ConformanceTest {

    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();
    private static final int THREADS = 4;

    @TestFactory
    Stream<DynamicNode> every_case_meets_its_documented_expectation() {
        Map<String, List<ConformanceCase>> byGroup = Corpus.cases().stream()
                .collect(Collectors.groupingBy(ConformanceCase::group, TreeMap::new,
                        Collectors.toList()));
        assertThat(byGroup.values().stream().mapToInt(List::size).sum())
                .as("cases in the corpus").isGreaterThanOrEqualTo(170);
        return byGroup.entrySet().stream().map(group -> DynamicContainer.dynamicContainer(
                group.getKey(), group.getValue().stream().map(ConformanceTest::caseTest)));
    }

    /**
     * Cases whose stubs answer differently from call to call are left out: which item gets which
     * answer depends on the order of calls, and that is what threads change.
     */
    @TestFactory
    Stream<DynamicTest> results_do_not_depend_on_how_many_threads_run_branches() {
        return Corpus.cases().stream()
                .filter(testCase -> !answersDependOnCallOrder(testCase))
                .map(testCase -> DynamicTest.dynamicTest(testCase.id(),
                () -> assertThat(Expectations.differences(testCase,
                        JavaRunner.run(testCase, 1), JavaRunner.run(testCase, THREADS)))
                        .as("%s: one thread against %d", testCase.id(), THREADS).isEmpty()));
    }

    @AfterAll
    static void printSummary() {
        System.out.println("ASL conformance (our interpreter): group passed/known-failures/total");
        new TreeMap<>(TALLIES).forEach((group, tally) -> System.out.println(
                "  " + group + " " + tally.passed + "/" + tally.known + "/" + tally.total));
        int passed = TALLIES.values().stream().mapToInt(tally -> tally.passed).sum();
        int total = TALLIES.values().stream().mapToInt(tally -> tally.total).sum();
        System.out.println("  all " + passed + "/" + total);
    }

    private static boolean answersDependOnCallOrder(ConformanceCase testCase) {
        for (JsonNode answers : testCase.stubs()) {
            if (answers.size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static DynamicTest caseTest(ConformanceCase testCase) {
        return DynamicTest.dynamicTest(testCase.id(), () -> check(testCase));
    }

    private static void check(ConformanceCase testCase) {
        Tally tally = TALLIES.computeIfAbsent(testCase.group(), group -> new Tally());
        List<String> problems = Expectations.mismatches(testCase, JavaRunner.run(testCase));
        String knownReason = KnownFailures.reason(testCase.id());
        tally.count(problems.isEmpty(), knownReason != null);

        if (knownReason != null) {
            assertThat(problems).as("%s is listed in KnownFailures (%s) but now passes: "
                    + "remove it from the list", testCase.id(), knownReason).isNotEmpty();
            return;
        }
        assertThat(problems).as("%s (%s)", testCase.id(), testCase.json().path("source").asText())
                .isEmpty();
    }

    /** Per-group counts for the printed summary. */
    private static final class Tally {
        private int total;
        private int passed;
        private int known;

        synchronized void count(boolean pass, boolean knownFailure) {
            total++;
            passed += pass ? 1 : 0;
            known += knownFailure && !pass ? 1 : 0;
        }
    }
}
