package dev.intake.local.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The baseline the benchmark compares with: the {@code sqlite3} command-line shell importing the
 * same CSV into a typed table with {@code .import --csv --skip 1}.
 */
public final class SqliteBaseline {

    static final String TABLE = "CREATE TABLE bench (id INTEGER PRIMARY KEY,"
            + " zip_code TEXT NOT NULL,"
            + " latitude REAL, longitude REAL, city TEXT, state TEXT, county TEXT);";

    private SqliteBaseline() {}

    /** Imports {@code csv} into a new database file and returns the wall time it took. */
    public static Duration time(Path csv, Path database) {
        try {
            Files.deleteIfExists(database);
            String script = TABLE + "\n.import --csv --skip 1 '" + csv.toAbsolutePath()
                    + "' bench\n";
            long start = System.nanoTime();
            Process process = new ProcessBuilder(List.of("sqlite3", database.toString()))
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (exit != 0 || !output.isBlank()) {
                throw new IllegalStateException("sqlite3 .import failed (exit " + exit + "): "
                        + output);
            }
            return elapsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sqlite3; install the sqlite3 shell", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sqlite3 was importing", e);
        }
    }
}
