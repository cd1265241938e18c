package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code intake asl run} on the order example under examples/asl, which is not our workflow. */
class AslRunTest {

    private static final Path EXAMPLES = Path.of("../../examples/asl");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int intake(String... args) {
        IntakeCli cli = new IntakeCli(Map.of(), (directory, faults, progress, realTime) -> {
            throw new AssertionError("asl run needs no state directory");
        });
        return cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String[] orderRun(String stubs, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("asl", "run",
                EXAMPLES.resolve("order-fulfilment.asl.json").toString(),
                "--input", EXAMPLES.resolve("order-input.json").toString(), "--stubs", stubs));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Nested
    class WithTheExampleStubs {

        @Test
        void succeedsAfterTwoThrottledChargesRetried30And60VirtualSecondsLater() throws Exception {
            int exit = intake(orderRun(EXAMPLES.resolve("order-stubs.json").toString(), "--json",
                    "--history"));

            assertThat(exit).isZero();
            JsonNode result = new ObjectMapper().readTree(out.toString());
            assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(result.at("/output/payment/chargeId").asText()).isEqualTo("ch_7Q2");
            assertThat(result.at("/output/shipment/trackingNumber").asText())
                    .isEqualTo("1Z999AA10123456784");
            assertThat(result.get("startTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(result.get("stopTime").asText()).isEqualTo("2026-01-01T00:01:30Z");
            assertThat(result.get("history").findValues("delaySeconds"))
                    .extracting(JsonNode::asInt).containsExactly(30, 60);
        }
    }

    @Nested
    class Failing {

        @Test
        void aDeclinedCardEndsFailedWithExitOneAndTheErrorName(@TempDir Path dir) throws Exception {
            Path stubs = dir.resolve("declined.json");
            Files.writeString(stubs, """
                    {"CheckStock": [{"return": {"inStock": true}}],
                     "ChargeCard": [{"throw": {"error": "Payment.Declined", "cause": "no funds"}}],
                     "Ship": [{"return": {}}]}
                    """);

            int exit = intake(orderRun(stubs.toString()));

            assertThat(exit).isEqualTo(ExitCode.RUN_FAILED);
            assertThat(out.toString()).startsWith("FAILED after 0.0 s of virtual time");
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: execution FAILED:"
                    + " Order.PaymentDeclined: The card was declined\n");
        }

        @Test
        void aStubThatIsNeitherReturnNorThrowIsRefusedNamingStateAndAnswer(@TempDir Path dir) throws Exception {
            Path stubs = dir.resolve("bad.json");
            Files.writeString(stubs, "{\"CheckStock\": [{\"answer\": 1}]}");

            int exit = intake(orderRun(stubs.toString()));

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: stubs file " + stubs
                    + ", state 'CheckStock', answer 0: needs exactly one of \"return\", \"throw\""
                    + " and \"noCallback\"\n");
        }

        @Test
        void aTaskStateWithoutStubsIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
            Path stubs = dir.resolve("partial.json");
            Files.writeString(stubs, "{\"CheckStock\": [{\"return\": {\"inStock\": true}}]}");

            int exit = intake(orderRun(stubs.toString()));

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("intake: ").contains("ChargeCard");
        }

        @Test
        void aMissingInputFileIsNotFound() {
            int exit = intake("asl", "run", EXAMPLES.resolve("order-fulfilment.asl.json").toString(),
                    "--input", "nowhere.json");

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err.toString()).isEqualToNormalizingNewlines(
                    "intake: no such file: nowhere.json\n");
        }
    }
}
