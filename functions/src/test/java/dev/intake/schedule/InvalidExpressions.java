package dev.intake.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Reads {@code schedule/invalid-expressions.txt}: an expression line, then its whole message. */
final class InvalidExpressions {

    private InvalidExpressions() {}

    static List<Arguments> load(String resource) {
        List<String> lines = lines(resource).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        if (lines.size() % 2 != 0) {
            throw new IllegalStateException(resource + " must hold expression and message pairs");
        }
        List<Arguments> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            pairs.add(Arguments.of(lines.get(i), lines.get(i + 1)));
        }
        return pairs;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = InvalidExpressions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
