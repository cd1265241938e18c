package dev.intake.asl.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the corpus, the repository and the node tools are, seen from the running test. */
final class Corpus {

    private Corpus() {
    }

    /**
     * The module folder: surefire sets {@code basedir}; an IDE runs in the module; exec:java with
     * {@code -pl infra/asl} runs in the repository root.
     */
    static Path moduleDir() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        Path fromRoot = dir.resolve("infra/asl");
        return Files.isDirectory(dir.resolve("src/test/node")) || !Files.isDirectory(fromRoot)
                ? dir : fromRoot;
    }

    static Path repoRoot() {
        return moduleDir().resolve("../..").normalize();
    }

    static Path casesDir() {
        return moduleDir().resolve("src/test/resources/conformance");
    }

    /** The folder holding {@code node_modules}: {@code intake.node.dir}, else infra/node. */
    static Path nodeToolsDir() {
        String configured = System.getProperty("intake.node.dir");
        return configured == null || configured.isBlank() ? repoRoot().resolve("infra/node")
                : Path.of(configured).toAbsolutePath().normalize();
    }

    static List<ConformanceCase> cases() {
        Path dir = casesDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Conformance corpus not found at " + dir);
        }
        return ConformanceCase.loadAll(dir, repoRoot());
    }
}
