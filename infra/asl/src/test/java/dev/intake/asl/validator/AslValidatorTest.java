package dev.intake.asl.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs asl-validator 4.0.0 (from the node tools) on every {@code statemachine/*.asl.json}, with
 * SAM placeholders replaced by dummy values of the right kind. Until the workflow's definition
 * exists, it validates a sample of the same style instead, so the test never passes empty.
 */
class AslValidatorTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir",
            System.getProperty("user.dir"))).toAbsolutePath();
    private static final Path REPO = MODULE.resolve("../..").normalize();
    private static final Path SAMPLES = MODULE.resolve("src/test/resources/asl-validator");

    @TestFactory
    Stream<DynamicTest> every_state_machine_definition_passes_asl_validator() throws IOException {
        List<Path> definitions = definitions();
        System.out.println("asl-validator checks: " + definitions.stream()
                .map(path -> REPO.relativize(path).toString()).toList());
        assertThat(definitions).as("definitions to validate").isNotEmpty();
        return definitions.stream().map(file -> DynamicTest.dynamicTest(
                REPO.relativize(file).toString(), () -> assertValid(file)));
    }

    @Test
    void a_definition_with_a_missing_transition_target_is_refused() throws IOException {
        Result result = validate(SAMPLES.resolve("invalid-missing-target.asl.json"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).endsWith(" is invalid:\n"
                + " MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: Nowhere\n"
                + "MISSING_TERMINAL_STATE: State machine fsm1 is missing a terminal state\n");
    }

    @Nested
    class Substitutions {

        @Test
        void function_arns_become_lambda_function_arns() {
            assertThat(DummySubstitutions.apply("\"Resource\": \"${ValidateFunctionArn}\""))
                    .isEqualTo("\"Resource\": \"arn:aws:lambda:us-east-1:123456789012"
                            + ":function:ValidateFunctionArn\"");
        }

        @Test
        void pseudo_parameters_and_names_get_plain_values() {
            assertThat(DummySubstitutions.apply("${AWS::Region}/${AWS::AccountId}/${JobsTableName}"
                    + "/${Other}"))
                    .isEqualTo("us-east-1/123456789012/jobstablename/dummy-Other");
        }
    }

    private static List<Path> definitions() throws IOException {
        Path folder = REPO.resolve("statemachine");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.getFileName().toString().endsWith(".asl.json"))
                        .sorted().forEach(found::add);
            }
        }
        if (found.isEmpty()) {
            // Until statemachine/ holds the workflow's definition, check one of the same style.
            System.out.println("statemachine/*.asl.json: none yet, validating the test sample");
            found.add(SAMPLES.resolve("sample-import.asl.json"));
        }
        return found;
    }

    private static void assertValid(Path file) throws IOException {
        Result result = validate(file);
        assertThat(result.exitCode()).as("asl-validator on %s said:%n%s", file, result.output())
                .isZero();
    }

    private static Result validate(Path file) throws IOException {
        Path substituted = Files.createTempFile("asl-validator", ".json");
        try {
            Files.writeString(substituted, DummySubstitutions.apply(Files.readString(file)));
            return runValidator(substituted);
        } finally {
            Files.deleteIfExists(substituted);
        }
    }

    private static Result runValidator(Path file) throws IOException {
        Path cli = nodeTools().resolve("node_modules/asl-validator/dist/bin/asl-validator.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("asl-validator is not installed at " + cli
                    + "; run: bash infra/node/install.sh");
        }
        Process process = new ProcessBuilder("node", cli.toString(), "--json-path", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("asl-validator did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running asl-validator", e);
        }
        return new Result(process.exitValue(), output);
    }

    private static Path nodeTools() {
        String configured = System.getProperty("intake.node.dir");
        return configured == null || configured.isBlank() ? REPO.resolve("infra/node")
                : Path.of(configured);
    }

    private record Result(int exitCode, String output) {
    }
}
