package dev.intake.local.cli;

import dev.intake.local.bench.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;

/** Emptying the working directories the demo and the benchmark own. */
final class Directories {

    private Directories() {}

    /**
     * Deletes {@code directory} and everything in it, but only when it holds {@code marker}, the
     * sign that a previous run of {@code command} made it; a directory someone else made is
     * refused.
     */
    static void reset(Path directory, String marker, String command) {
        if (!Files.exists(directory)) {
            return;
        }
        if (!Files.exists(directory.resolve(marker))) {
            throw new CliFailure(ExitCode.INVALID_INPUT, directory + " exists but was not made by "
                    + command + "; remove it or choose another --state-dir");
        }
        FileTrees.delete(directory);
    }
}
