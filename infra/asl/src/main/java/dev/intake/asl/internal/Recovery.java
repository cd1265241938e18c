package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * Retry and Catch of one visit to a Task, Parallel or Map state. Retrier counters live here, so
 * they start from zero each time the machine enters the state again.
 */
final class Recovery {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final StateDef state;
    private final int[] retriesUsed;
    private int retryCount;

    Recovery(StateDef state) {
        this.state = state;
        this.retriesUsed = new int[state.retry().size()];
    }

    /** {@code $$.State.RetryCount}: retries done so far in this visit. */
    int retryCount() {
        return retryCount;
    }

    /**
     * Handles a failure: waits and returns null when a retrier applies, returns the catcher's
     * outcome when a catcher applies, otherwise rethrows.
     */
    Outcome handle(StatesError error, JsonNode rawInput, Frame frame) {
        if (error.isRuntime()) {
            throw error;
        }
        if (retry(error, frame)) {
            return null;
        }
        for (Catcher catcher : state.catchers()) {
            if (matches(catcher.errorEquals(), error.error())) {
                return caught(catcher, error, rawInput, frame);
            }
        }
        throw error;
    }

    private boolean retry(StatesError error, Frame frame) {
        for (int i = 0; i < retriesUsed.length; i++) {
            Retrier retrier = state.retry().get(i);
            if (!matches(retrier.errorEquals(), error.error())) {
                continue;
            }
            if (retriesUsed[i] >= retrier.maxAttempts()) {
                return false;
            }
            BigDecimal delay = delaySeconds(retrier, retriesUsed[i], frame);
            retriesUsed[i]++;
            retryCount++;
            recordRetry(error, i, delay, frame);
            frame.timeline().sleep(Duration.ofMillis(delay.multiply(THOUSAND)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact()));
            return true;
        }
        return false;
    }

    /** IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds, then FULL jitter if asked. */
    static BigDecimal delaySeconds(Retrier retrier, int retriesDone, Frame frame) {
        BigDecimal delay = BigDecimal.valueOf(retrier.intervalSeconds())
                .multiply(retrier.backoffRate().pow(retriesDone, MathContext.DECIMAL64));
        if (retrier.maxDelaySeconds() != null
                && delay.compareTo(BigDecimal.valueOf(retrier.maxDelaySeconds())) > 0) {
            delay = BigDecimal.valueOf(retrier.maxDelaySeconds());
        }
        if (retrier.fullJitter()) {
            delay = delay.multiply(BigDecimal.valueOf(frame.random()
                    .nextDouble())).setScale(3, RoundingMode.HALF_UP);
        }
        return delay.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private void recordRetry(StatesError error, int retrier, BigDecimal delay, Frame frame) {
        ObjectNode details = Json.object();
        details.put("error", error.error());
        details.put("retrier", retrier);
        details.put("retryCount", retryCount);
        details.set("delaySeconds", Json.number(delay));
        BranchRunner.event(frame, HistoryEventType.RetryScheduled, state.name(), details);
    }

    private Outcome caught(Catcher catcher, StatesError error, JsonNode rawInput, Frame frame) {
        JsonNode errorOutput = error.toOutput();
        JsonNode output;
        if (catcher.resultPath() == null) {
            output = rawInput;
        } else {
            output = Paths.put(catcher.resultPath(), rawInput, errorOutput);
        }
        return BranchRunner.exited(state, output, catcher.next(), frame);
    }

    /**
     * Whether an ErrorEquals list matches {@code error}: by exact, case-sensitive name;
     * {@code States.ALL} matches everything but {@code States.Runtime};
     * {@code States.TaskFailed} everything but {@code States.Timeout} and {@code States.Runtime}.
     */
    static boolean matches(List<String> errorEquals, String error) {
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) {
                return true;
            }
            boolean runtime = StatesError.RUNTIME.equals(error);
            if (candidate.equals(StatesError.ALL) && !runtime) {
                return true;
            }
            if (candidate.equals(StatesError.TASK_FAILED) && !runtime
                    && !StatesError.TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
