package dev.intake.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the template and the definitions it points to are read from. A checkout wins, so that an
 * edit to {@code template.yaml} or {@code statemachine/} takes effect on the next command: the
 * directory named by {@code intake.repo}, the checkout the jar was built in, or the current
 * directory (or one of its parents). Without a checkout, the copies bundled in the jar under
 * {@code sam/} are used, so the jar runs from anywhere.
 */
public final class SamFiles {

    static final String TEMPLATE = "template.yaml";
    private static final String BUNDLED = "sam/";

    private final Path root;

    private SamFiles(Path root) {
        this.root = root;
    }

    /** Files under {@code root}, a directory holding template.yaml. */
    public static SamFiles inDirectory(Path root) {
        return new SamFiles(root);
    }

    /** The copies bundled in the jar. */
    public static SamFiles bundled() {
        return new SamFiles(null);
    }

    /** The checkout to read from, else the bundled copies. */
    public static SamFiles locate(String repoProperty, Path workingDirectory) {
        return checkout(repoProperty, workingDirectory)
                .map(SamFiles::new)
                .orElseGet(SamFiles::bundled);
    }

    static Optional<Path> checkout(String repoProperty, Path workingDirectory) {
        if (repoProperty != null && !repoProperty.isBlank()) {
            return Optional.of(Path.of(repoProperty).toAbsolutePath());
        }
        return jarCheckout().or(() -> ancestorWithTemplate(workingDirectory.toAbsolutePath()));
    }

    public String describe() {
        return root == null ? "bundled copy in the jar" : root.toString();
    }

    public String read(String relativePath) {
        String normalised = relativePath.startsWith("./")
                ? relativePath.substring(2) : relativePath;
        if (root != null) {
            return readFile(root.resolve(normalised));
        }
        try (InputStream in = SamFiles.class.getClassLoader()
                .getResourceAsStream(BUNDLED + normalised)) {
            if (in == null) {
                throw new TemplateException(normalised + " is not bundled in the jar; run from a"
                        + " checkout or set -Dintake.repo=DIR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(file + " does not exist");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The jar sits at ROOT/infra/local/target/intake.jar when built from a checkout. */
    private static Optional<Path> jarCheckout() {
        try {
            var location = SamFiles.class.getProtectionDomain().getCodeSource();
            if (location == null) {
                return Optional.empty();
            }
            Path jar = Path.of(location.getLocation().toURI());
            return ancestorWithTemplate(jar);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> ancestorWithTemplate(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TEMPLATE))
                    && Files.isDirectory(dir.resolve("statemachine"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
