package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How one run of a case ended, in the same shape for our interpreter and for ALS.
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT, or DEFINITION_ERROR when loading was refused
 *     (CRASH when the runner itself threw)
 * @param output the execution output when SUCCEEDED
 * @param error the error name when not SUCCEEDED
 * @param cause the cause, or the refusal message for DEFINITION_ERROR
 * @param invocations calls per Task state name
 * @param retryDelays seconds waited before each retry, per state (empty for ALS)
 */
record Outcome(
        String status,
        JsonNode output,
        String error,
        String cause,
        Map<String, Integer> invocations,
        Map<String, List<BigDecimal>> retryDelays) {

    Outcome {
        invocations = Map.copyOf(invocations);
        retryDelays = Map.copyOf(retryDelays);
    }

    static Outcome refused(String message) {
        return new Outcome("DEFINITION_ERROR", null, null, message, Map.of(), Map.of());
    }

    static Outcome crashed(Throwable problem) {
        return new Outcome("CRASH", null, problem.getClass().getName(), problem.getMessage(),
                Map.of(), Map.of());
    }

    int invocationsOf(String state) {
        return invocations.getOrDefault(state, 0);
    }

    @Override
    public String toString() {
        return switch (status) {
            case "SUCCEEDED" -> "SUCCEEDED output=" + output + " invocations=" + invocations;
            case "DEFINITION_ERROR" -> "DEFINITION_ERROR " + cause;
            default -> status + " error=" + error + " cause=" + cause
                    + " invocations=" + invocations;
        };
    }
}
