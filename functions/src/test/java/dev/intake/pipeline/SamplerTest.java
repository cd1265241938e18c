package dev.intake.pipeline;

import static dev.intake.testing.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.intake.job.JobDefinition;
import dev.intake.read.FileProblem;
import dev.intake.read.FileRejectedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {

    static final JobDefinition JOB = job("""
            id: people
            schema: { key: [id], fields: [{ name: id, type: integer }, { name: name }] }
            """);

    static SampleReport sample(String text, int maxRows) {
        return new Sampler().sample(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), JOB, "sample.csv", maxRows);
    }

    @Test
    void reportsCountsErrorsAndAPreviewOfTheFirstRows() {
        SampleReport report = sample("id,name\n1,A\nx,B\n1,C\n4,D\n", 3);

        assertThat(report).isEqualTo(new SampleReport("sample.csv", List.of("id", "name"), 3, 2,
                1, 1, List.of(new RowError(3, "id", "INVALID_INTEGER",
                        "id: \"x\" is not a whole number; write digits only, such as 42")),
                List.of(new ProcessedRecord(2, "1", Map.of("id", 1L, "name", "A")),
                        new ProcessedRecord(4, "1", Map.of("id", 1L, "name", "C")))));
    }

    @Test
    void throwsTheFileProblemForASampleThatCannotBeRead() {
        FileRejectedException e = catchThrowableOfType(FileRejectedException.class,
                () -> sample("name\nA\n", 10));

        assertThat(e.problem()).isEqualTo(FileProblem.MISSING_COLUMN);
    }
}
