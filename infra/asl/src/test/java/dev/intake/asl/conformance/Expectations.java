package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Compares outcomes with a case's {@code expect} and with each other. */
final class Expectations {

    /** Numbers by value ({@code 1} equals {@code 1.0}); everything else exactly. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Expectations() {
    }

    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b || (a == null ? b.isNull() : a.isNull());
        }
        return a.equals(BY_VALUE, b);
    }

    /** Every way {@code actual} misses the case's expectations; empty when it meets them. */
    static List<String> mismatches(ConformanceCase testCase, Outcome actual) {
        JsonNode expect = testCase.expect();
        List<String> problems = new ArrayList<>();
        if (expect.has("definitionError")) {
            checkRefusal(expect.get("definitionError"), actual, problems);
            return problems;
        }
        checkEnd(expect, actual, problems);
        checkInvocations(testCase.json().path("expectInvocations"), actual, problems);
        checkRetryDelays(testCase.json().path("expectRetryDelays"), actual, problems);
        return problems;
    }

    /** Differences between two runs of the same case (ours and ALS's). */
    static List<String> differences(ConformanceCase testCase, Outcome ours, Outcome theirs) {
        List<String> problems = new ArrayList<>();
        if (!ours.status().equals(theirs.status())) {
            problems.add("status " + ours.status() + " vs " + theirs.status());
            return problems;
        }
        if ("SUCCEEDED".equals(ours.status()) && !sameJson(ours.output(), theirs.output())) {
            problems.add("output " + ours.output() + " vs " + theirs.output());
        }
        if (!"SUCCEEDED".equals(ours.status()) && !"DEFINITION_ERROR".equals(ours.status())) {
            if (!Objects.equals(ours.error(), theirs.error())) {
                problems.add("error " + ours.error() + " vs " + theirs.error());
            }
            if (testCase.expect().has("cause") && !Objects.equals(ours.cause(), theirs.cause())) {
                problems.add("cause " + ours.cause() + " vs " + theirs.cause());
            }
        }
        testCase.stubs().fieldNames().forEachRemaining(state -> {
            if (ours.invocationsOf(state) != theirs.invocationsOf(state)) {
                problems.add("invocations of " + state + " " + ours.invocationsOf(state) + " vs "
                        + theirs.invocationsOf(state));
            }
        });
        return problems;
    }

    private static void checkRefusal(JsonNode fragments, Outcome actual, List<String> problems) {
        if (!"DEFINITION_ERROR".equals(actual.status())) {
            problems.add("expected the definition to be refused, but got " + actual);
            return;
        }
        List<JsonNode> wanted = new ArrayList<>();
        if (fragments.isArray()) {
            fragments.forEach(wanted::add);
        } else {
            wanted.add(fragments);
        }
        for (JsonNode fragment : wanted) {
            if (!actual.cause().contains(fragment.textValue())) {
                problems.add("refusal message lacks \"" + fragment.textValue() + "\": "
                        + actual.cause());
            }
        }
    }

    private static void checkEnd(JsonNode expect, Outcome actual, List<String> problems) {
        String status = expect.get("status").textValue();
        if (!status.equals(actual.status())) {
            problems.add("status: expected " + status + ", got " + actual);
            return;
        }
        if (expect.has("output") && !sameJson(expect.get("output"), actual.output())) {
            problems.add("output: expected " + expect.get("output") + ", got " + actual.output());
        }
        if (expect.has("error") && !Objects.equals(text(expect.get("error")), actual.error())) {
            problems.add("error: expected " + expect.get("error") + ", got " + actual.error()
                    + " (cause " + actual.cause() + ")");
        }
        if (expect.has("cause") && !Objects.equals(text(expect.get("cause")), actual.cause())) {
            problems.add("cause: expected " + expect.get("cause") + ", got " + actual.cause());
        }
    }

    private static void checkInvocations(JsonNode expected, Outcome actual, List<String> problems) {
        expected.properties().forEach(entry -> {
            int calls = actual.invocationsOf(entry.getKey());
            if (calls != entry.getValue().intValue()) {
                problems.add("invocations of " + entry.getKey() + ": expected "
                        + entry.getValue() + ", got " + calls);
            }
        });
    }

    private static void checkRetryDelays(JsonNode expected, Outcome actual, List<String> problems) {
        expected.properties().forEach(entry -> {
            List<BigDecimal> wanted = new ArrayList<>();
            entry.getValue().forEach(delay -> wanted.add(delay.decimalValue()));
            List<BigDecimal> got = actual.retryDelays().getOrDefault(entry.getKey(), List.of());
            boolean same = wanted.size() == got.size();
            for (int i = 0; same && i < wanted.size(); i++) {
                same = wanted.get(i).compareTo(got.get(i)) == 0;
            }
            if (!same) {
                problems.add("retry delays of " + entry.getKey() + ": expected " + wanted
                        + ", got " + got);
            }
        });
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
