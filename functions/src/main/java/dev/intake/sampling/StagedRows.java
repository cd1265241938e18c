package dev.intake.sampling;

import dev.intake.job.JobDefinition.Schema;
import dev.intake.pipeline.ProcessedRecord;
import dev.intake.pipeline.StagedRecords;
import dev.intake.sampling.SampleReport.SampleRow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first records the sample run staged: those the process step handed to the import (when
 * the run got that far), else those the validate step found valid (when too many rows failed,
 * a real run stops there, yet the valid rows still show what the mapping gives).
 *
 * <p>The keys follow the staging layout of the pipeline steps ({@code staging/<runId>/...});
 * a test of this package fails if that layout changes.
 */
final class StagedRows {

    private StagedRows() {}

    static List<SampleRow> first(SandboxObjects objects, String runId, Schema schema, int limit) {
        Optional<byte[]> staged = objects.written(key(runId, "processed.jsonl"))
                .or(() -> objects.written(key(runId, "valid.jsonl")));
        if (staged.isEmpty()) {
            return List.of();
        }
        List<SampleRow> rows = new ArrayList<>();
        try (StagedRecords.Reader reader = new StagedRecords.Reader(
                new ByteArrayInputStream(staged.get()), schema)) {
            for (ProcessedRecord record = reader.next(); record != null && rows.size() < limit;
                    record = reader.next()) {
                rows.add(new SampleRow(record.line(), record.values()));
            }
        }
        return rows;
    }

    private static String key(String runId, String name) {
        return "staging/" + runId + "/" + name;
    }
}
