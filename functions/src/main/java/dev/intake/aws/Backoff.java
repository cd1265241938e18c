package dev.intake.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a random time
 * between zero and {@code min(cap, base * 2^(n-1))}. Full jitter spreads twenty Lambdas that were
 * throttled together, so they do not retry in step and get throttled again.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, Sleeper sleeper,
                      LongUnaryOperator random) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Waits that really sleep and really jitter. */
    public static Backoff of(Duration base, Duration cap, int maxAttempts) {
        return new Backoff(base, cap, maxAttempts, Sleeper.THREAD,
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** The same policy with another sleeper, so tests count the waits instead of sleeping. */
    public Backoff withSleeper(Sleeper other) {
        return new Backoff(base, cap, maxAttempts, other, random);
    }

    /** The longest wait before retry {@code retry} (1-based). */
    public Duration ceiling(int retry) {
        long factor = 1L << Math.min(retry - 1, 30);
        long millis = Math.min(cap.toMillis(), base.toMillis() * factor);
        return Duration.ofMillis(millis);
    }

    /** Sleeps before retry {@code retry}. */
    public void pause(int retry) {
        sleeper.sleep(Duration.ofMillis(random.applyAsLong(ceiling(retry).toMillis())));
    }

    /** How a wait happens; an interrupted sleep restores the flag and stops the work. */
    @FunctionalInterface
    public interface Sleeper {

        Sleeper THREAD = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while backing off", e);
            }
        };

        void sleep(Duration duration);
    }
}
