package dev.intake.asl.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One Retry entry.
 *
 * @param maxDelaySeconds cap of a single delay; null when uncapped
 * @param fullJitter true for {@code JitterStrategy: FULL}
 */
public record Retrier(
        List<String> errorEquals,
        long intervalSeconds,
        long maxAttempts,
        BigDecimal backoffRate,
        Long maxDelaySeconds,
        boolean fullJitter) {

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }
}
