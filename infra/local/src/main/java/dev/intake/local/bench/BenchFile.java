package dev.intake.local.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a benchmark file shaped like the zip codes: the real rows over and over, each with a
 * unique {@code id} in front so that every row is its own record.
 */
public final class BenchFile {

    static final String HEADER = "id,zip_code,latitude,longitude,city,state,county";
    private static final String SEED = "demo/data/zipcodes.csv";

    private BenchFile() {}

    /** Writes {@code rows} data rows and the header to {@code file}; returns its size in bytes. */
    public static long generate(Path file, long rows) {
        List<String> seed = seedRows();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = 0; i < rows; i++) {
                out.write(Long.toString(i + 1));
                out.write(',');
                out.write(seed.get((int) (i % seed.size())));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return size(file);
    }

    private static List<String> seedRows() {
        InputStream in = BenchFile.class.getClassLoader().getResourceAsStream(SEED);
        if (in == null) {
            throw new IllegalStateException(SEED
                    + " is missing from the class path; rebuild the jar");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> rows = new ArrayList<>(reader.lines().skip(1).toList());
            rows.removeIf(String::isBlank);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
