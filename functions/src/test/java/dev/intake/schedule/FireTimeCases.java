package dev.intake.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads the hand-derived cases of {@code schedule/fire-times.txt}; "#" starts a comment line. */
final class FireTimeCases {

    record Case(String expression, ZoneId zone, Instant after, ScheduleWindow window,
            List<Instant> expected) {

        @Override
        public String toString() {
            return expression + " in " + zone + " after " + after;
        }
    }

    private FireTimeCases() {}

    static List<Case> load(String resource) {
        List<Case> cases = new ArrayList<>();
        Builder current = null;
        for (String raw : lines(resource)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                current = finish(current, cases);
            } else if (!line.startsWith("#")) {
                current = current == null ? new Builder() : current;
                current.accept(line);
            }
        }
        finish(current, cases);
        return cases;
    }

    private static Builder finish(Builder builder, List<Case> cases) {
        if (builder != null) {
            cases.add(builder.build());
        }
        return null;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = FireTimeCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Builder {
        private String expression;
        private ZoneId zone;
        private Instant after;
        private Instant start;
        private Instant end;
        private final List<Instant> expected = new ArrayList<>();

        void accept(String line) {
            if (line.startsWith("expression:")) {
                expression = value(line);
            } else if (line.startsWith("zone:")) {
                zone = ZoneId.of(value(line));
            } else if (line.startsWith("after:")) {
                after = Instant.parse(value(line));
            } else if (line.startsWith("start:")) {
                start = Instant.parse(value(line));
            } else if (line.startsWith("end:")) {
                end = Instant.parse(value(line));
            } else {
                expected.add(Instant.parse(line));
            }
        }

        private static String value(String line) {
            return line.substring(line.indexOf(':') + 1).strip();
        }

        Case build() {
            return new Case(expression, zone, after, new ScheduleWindow(zone, start, end),
                    List.copyOf(expected));
        }
    }
}
