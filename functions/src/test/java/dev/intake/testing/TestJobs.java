package dev.intake.testing;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import java.nio.file.Files;
import java.nio.file.Path;

/** Job definitions and repository data for tests. */
public final class TestJobs {

    private TestJobs() {}

    /** A job parsed from YAML, as a user would write it. */
    public static JobDefinition job(String yaml) {
        return new JobDefinitionParser().parse(yaml);
    }

    /** The repository's datasets folder, found from the module's working directory. */
    public static Path datasets() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("datasets"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no datasets folder above "
                    + Path.of("").toAbsolutePath());
        }
        return dir.resolve("datasets");
    }
}
