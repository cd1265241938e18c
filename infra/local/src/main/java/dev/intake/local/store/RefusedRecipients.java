package dev.intake.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Addresses the outbox refuses, to rehearse the SES sandbox, which refuses unverified recipients.
 * Either a fixed set, or a file read at every send (one address per line, {@code #} starts a
 * comment) so that the demo can add an address while the runtime is up. Case does not matter.
 */
public final class RefusedRecipients {

    private final Set<String> fixed;
    private final Path file;

    private RefusedRecipients(Set<String> fixed, Path file) {
        this.fixed = fixed;
        this.file = file;
    }

    public static RefusedRecipients none() {
        return new RefusedRecipients(Set.of(), null);
    }

    public static RefusedRecipients of(Collection<String> addresses) {
        return new RefusedRecipients(normalise(addresses.stream()), null);
    }

    /** The addresses listed in {@code file}; none while the file does not exist. */
    public static RefusedRecipients listedIn(Path file) {
        return new RefusedRecipients(Set.of(), file);
    }

    public boolean refuses(String address) {
        return current().contains(address.trim().toLowerCase(Locale.ROOT));
    }

    /** Where the list comes from, for messages. */
    String source() {
        return file == null ? "the list given at start-up" : file.toString();
    }

    private Set<String> current() {
        if (file == null) {
            return fixed;
        }
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            return normalise(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the refused recipients in " + file, e);
        }
    }

    private static Set<String> normalise(java.util.stream.Stream<String> addresses) {
        return addresses.map(String::trim)
                .filter(address -> !address.isEmpty())
                .map(address -> address.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
