package dev.intake.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the corpus through aws-local-stepfunctions as a second opinion. Our result must equal the
 * case's expectation; ALS's result must equal ours, except where the case documents a known
 * divergence (ALS differs from AWS there), which is listed in the printed summary.
 */
class AlsDifferentialTest {

    private static final AtomicInteger RAN = new AtomicInteger();
    private static final AtomicInteger SAME = new AtomicInteger();
    private static final Map<String, String> DIVERGENCES = new ConcurrentHashMap<>();
    private static final Map<String, String> DIVERGENCES_NOT_SEEN = new ConcurrentHashMap<>();
    private static final Map<String, String> OUR_KNOWN_FAILURES = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> als_agrees_with_our_interpreter_except_documented_divergences() {
        List<ConformanceCase> cases = Corpus.cases().stream()
                .filter(testCase -> !testCase.alsSkipped())
                .toList();
        Map<String, Outcome> als = AlsDriver.runCorpus();
        assertThat(als.keySet()).as("cases the ALS driver ran")
                .containsExactlyInAnyOrderElementsOf(cases.stream().map(ConformanceCase::id)
                        .toList());
        return cases.stream().map(testCase -> DynamicTest.dynamicTest(testCase.id(),
                () -> compare(testCase, als.get(testCase.id()))));
    }

    @AfterAll
    static void printSummary() {
        System.out.println("ASL differential run against aws-local-stepfunctions: " + RAN.get()
                + " cases ran, " + SAME.get() + " same, " + DIVERGENCES.size()
                + " known divergences, " + OUR_KNOWN_FAILURES.size()
                + " not compared (our known failures)");
        DIVERGENCES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.println("  divergence " + entry.getKey() + ": "
                        + entry.getValue()));
        OUR_KNOWN_FAILURES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.println("  our known failure " + entry.getKey()
                        + ": " + entry.getValue()));
        DIVERGENCES_NOT_SEEN.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.println("  declared divergence not observed "
                        + entry.getKey() + ": " + entry.getValue()));
    }

    private static void compare(ConformanceCase testCase, Outcome theirs) {
        RAN.incrementAndGet();
        Outcome ours = JavaRunner.run(testCase);
        String known = KnownFailures.reason(testCase.id());
        if (known == null) {
            assertThat(Expectations.mismatches(testCase, ours))
                    .as("%s: our interpreter against the expected value", testCase.id()).isEmpty();
        }

        if (known != null) {
            OUR_KNOWN_FAILURES.put(testCase.id(), known);
            return;
        }
        List<String> differences = Expectations.differences(testCase, ours, theirs);
        String divergence = testCase.alsDivergence();
        if (divergence != null) {
            recordDivergence(testCase.id(), divergence, differences);
            return;
        }
        assertThat(differences).as("%s: ALS (%s) against ours (%s)", testCase.id(), theirs, ours)
                .isEmpty();
        SAME.incrementAndGet();
    }

    private static void recordDivergence(String id, String reason, List<String> differences) {
        if (differences.isEmpty()) {
            DIVERGENCES_NOT_SEEN.put(id, reason);
            SAME.incrementAndGet();
        } else {
            DIVERGENCES.put(id, reason + " " + differences);
        }
    }
}
