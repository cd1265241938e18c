package dev.intake.sampling;

import dev.intake.job.JobDefinition.Schema;
import dev.intake.pipeline.ProcessedRecord;
import dev.intake.pipeline.StagedRecords;
import dev.intake.port.DestinationStore;
import dev.intake.sampling.SampleReport.SampleRow;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first records of a sample as they would be stored: those the import step handed to the
 * destination when the run got that far; else those the validate step staged as valid (when too
 * many rows failed a real run stops there, yet the valid rows still show what the mapping
 * gives).
 *
 * <p>The valid records are found under {@code staging/<runId>/valid}, the pipeline's staging
 * layout; the sampling tests fail if that layout moves.
 */
final class StagedRows {

    private StagedRows() {}

    static List<SampleRow> first(DryRunDestination destination, SandboxObjects objects,
            String runId, Schema schema, int limit) {
        List<DestinationStore.Record> imported = destination.kept();
        if (!imported.isEmpty()) {
            return imported.stream().map(record -> new SampleRow(record.line(), record.values()))
                    .toList();
        }
        List<SampleRow> rows = new ArrayList<>();
        for (String key : objects.writtenUnder("staging/" + runId + "/valid")) {
            readAll(objects.written(key).orElseThrow(), schema, rows);
        }
        return rows.stream().sorted(Comparator.comparingLong(SampleRow::line)).limit(limit)
                .toList();
    }

    private static void readAll(byte[] staged, Schema schema, List<SampleRow> rows) {
        try (StagedRecords.Reader reader = new StagedRecords.Reader(
                new ByteArrayInputStream(staged), schema)) {
            for (ProcessedRecord record = reader.next(); record != null; record = reader.next()) {
                rows.add(new SampleRow(record.line(), record.values()));
            }
        }
    }
}
