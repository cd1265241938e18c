package dev.intake.sampling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file to sample: its name, which every message names, and a way to read its bytes from the
 * start, as often as the steps need.
 */
public record SampleFile(String name, long size, Supplier<InputStream> bytes) {

    public SampleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a sample file needs a name");
        }
    }

    public static SampleFile of(String name, byte[] content) {
        byte[] copy = content.clone();
        return new SampleFile(name, copy.length, () -> new ByteArrayInputStream(copy));
    }

    /** A file on disk, named by its file name; reading fails with the path when it is gone. */
    public static SampleFile of(Path path) {
        try {
            long size = Files.size(path);
            return new SampleFile(path.getFileName().toString(), size, () -> open(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + path, e);
        }
    }

    private static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + path, e);
        }
    }
}
