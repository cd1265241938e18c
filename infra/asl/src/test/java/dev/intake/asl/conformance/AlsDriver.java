package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code src/test/node/als-driver.cjs} once and reads what aws-local-stepfunctions made
 * of each case. Node comes from PATH, the node tools from {@link Corpus#nodeToolsDir()}. Missing
 * tools are an error, never a skip: CI installs them.
 */
final class AlsDriver {

    private static final long TIMEOUT_MINUTES = 10;

    private AlsDriver() {
    }

    /** Outcomes by case id, for every case the driver did not skip. */
    static Map<String, Outcome> runCorpus() {
        List<String> lines = run(List.of("run", Corpus.nodeToolsDir().toString(),
                Corpus.casesDir().toString(), Corpus.repoRoot().toString()));
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode json = parse(line);
            outcomes.put(json.get("case").textValue(), outcomeOf(json));
        }
        return outcomes;
    }

    /** Runs the driver's bench mode on one case file; returns its JSON line. */
    static JsonNode bench(Path caseFile, int seconds) {
        List<String> lines = run(List.of("bench", Corpus.nodeToolsDir().toString(),
                caseFile.toString(), Corpus.repoRoot().toString(), Integer.toString(seconds)));
        return parse(lines.get(lines.size() - 1));
    }

    /** Throws {@link IllegalStateException} saying what to install when the tools are missing. */
    static void requireTools() {
        Path modules = Corpus.nodeToolsDir().resolve("node_modules/aws-local-stepfunctions");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException("aws-local-stepfunctions is not installed under "
                    + Corpus.nodeToolsDir() + "/node_modules; run: bash infra/node/install.sh"
                    + " (or set -Dintake.node.dir to the folder holding node_modules)");
        }
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new IllegalStateException("'node --version' failed; install node 20 or"
                        + " newer on PATH");
            }
        } catch (IOException e) {
            throw new IllegalStateException("node is not on PATH; install node 20 or newer to"
                    + " run the differential ASL tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing node", e);
        }
    }

    private static List<String> run(List<String> arguments) {
        requireTools();
        Path stderr = null;
        try {
            stderr = Files.createTempFile("als-driver", ".stderr");
            Process process = start(arguments, stderr);
            List<String> lines = readLines(process);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("als-driver did not finish within "
                        + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("als-driver exited with " + process.exitValue()
                        + ": " + Files.readString(stderr));
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run als-driver: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running als-driver", e);
        } finally {
            deleteQuietly(stderr);
        }
    }

    private static Process start(List<String> arguments, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(Corpus.moduleDir().resolve("src/test/node/als-driver.cjs").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.put("NODE_OPTIONS", "--require " + polyfill());
        // The driver answers every Task itself; these make sure a slip can never reach AWS.
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static Path polyfill() {
        Path beside = Corpus.nodeToolsDir().resolve("polyfill.cjs");
        return Files.exists(beside) ? beside : Corpus.repoRoot().resolve("infra/node/polyfill.cjs");
    }

    private static List<String> readLines(Process process) throws IOException {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return ConformanceCase.JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("als-driver printed a line that is not JSON: " + line,
                    e);
        }
    }

    private static Outcome outcomeOf(JsonNode json) {
        Map<String, Integer> invocations = new LinkedHashMap<>();
        json.path("invocations").properties().forEach(entry ->
                invocations.put(entry.getKey(), entry.getValue().intValue()));
        return new Outcome(json.get("status").textValue(), json.get("output"),
                text(json.get("error")), text(json.get("cause")), invocations, Map.of());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless; the driver's result matters more.
            file.toFile().deleteOnExit();
        }
    }
}
