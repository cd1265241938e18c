package dev.intake.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.local.bench.Benchmark.Result;
import dev.intake.local.bench.Benchmark.Round;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkResultTest {

    private static Round round(long endToEndMillis, long sqliteMillis) {
        ObjectNode child = new ObjectMapper().createObjectNode().put("endToEndMillis",
                endToEndMillis);
        return new Round(child, Duration.ofMillis(endToEndMillis + 900),
                Duration.ofMillis(sqliteMillis));
    }

    @Test
    void comparesTheMedianOfEachSideWhateverRoundTheyCameFrom() {
        Result result = new Result(1_000, 50_000, Duration.ZERO, List.of(
                round(4_000, 1_700), round(3_000, 2_100), round(9_000, 1_900)));

        assertThat(result.medianRound().endToEndMillis()).isEqualTo(4_000);
        assertThat(result.medianSqlite()).isEqualTo(Duration.ofMillis(1_900));
        assertThat(result.ratio()).isEqualTo(4_000 / 1_900.0);
    }

    @Test
    void takesTheOnlyRoundAsItsOwnMedian() {
        Result result = new Result(1_000, 50_000, Duration.ZERO, List.of(round(3_600, 1_800)));

        assertThat(result.ratio()).isEqualTo(2.0);
    }
}
