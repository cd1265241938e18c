package dev.intake.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void ceilings_double_from_the_base_up_to_the_cap() {
        Backoff backoff = Backoff.of(Duration.ofMillis(50), Duration.ofMillis(300), 8);

        assertThat(List.of(1, 2, 3, 4, 5).stream().map(backoff::ceiling).toList())
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void a_pause_waits_the_jittered_share_of_the_ceiling() {
        List<Duration> waits = new ArrayList<>();
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 3, waits::add,
                bound -> bound / 2);

        half.pause(1);
        half.pause(3);

        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    @Test
    void fewer_than_one_attempt_is_refused() {
        assertThatThrownBy(() -> Backoff.of(Duration.ofMillis(1), Duration.ofMillis(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
    }

    @Test
    void an_interrupted_sleep_restores_the_flag_and_stops() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Backoff.Sleeper.THREAD.sleep(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while backing off");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
