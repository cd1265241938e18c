package dev.intake.sampling;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import dev.intake.read.ColumnMap;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import dev.intake.sampling.SampleReport.ColumnMapping;
import dev.intake.sampling.SampleReport.Match;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says how each column of a sample's header meets the schema. The matching itself is the
 * reader's ({@link ColumnMap#fromHeader}); this class only reads the header cells as written,
 * spaces included, and names the kind of each match.
 */
final class ColumnMappings {

    private ColumnMappings() {}

    /**
     * The header cells exactly as the file has them, read by the real reader treating the
     * header as a data row; empty for JSON Lines and files without a header.
     */
    static List<String> rawHeader(JobDefinition job, SampleFile file) {
        if (!job.format().type().equals("csv") || !job.format().header()) {
            return List.of();
        }
        try (InputStream in = file.bytes().get();
                RecordReader reader = RecordReader.open(in, headerProbe(job), file.name())) {
            SourceRow first = reader.next();
            return first.values();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the header of " + file.name(), e);
        }
    }

    /** Each column with the field it fills; the header must already have passed the reader. */
    static List<ColumnMapping> map(List<String> rawHeader, JobDefinition job, String fileName) {
        List<Integer> positions = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < rawHeader.size(); i++) {
            String folded = rawHeader.get(i).strip().toLowerCase(Locale.ROOT);
            if (!ColumnMap.FAILED_RECORD_COLUMNS.contains(folded)) {
                positions.add(i + 1);
                kept.add(rawHeader.get(i));
            }
        }
        Schema schema = job.schema();
        ColumnMap columns = ColumnMap.fromHeader(kept, schema, fileName,
                job.format().delimiter().charAt(0));
        Field[] fieldOfColumn = new Field[kept.size()];
        for (int f = 0; f < schema.fields().size(); f++) {
            int column = columns.columnOf(f);
            if (column >= 0) {
                fieldOfColumn[column] = schema.fields().get(f);
            }
        }
        List<ColumnMapping> mappings = new ArrayList<>();
        for (int c = 0; c < kept.size(); c++) {
            Field field = fieldOfColumn[c];
            mappings.add(new ColumnMapping(positions.get(c), kept.get(c),
                    field == null ? null : field.name(), match(kept.get(c), field)));
        }
        return mappings;
    }

    /** Schema fields that no column fills. */
    static List<String> fieldsWithoutColumn(List<ColumnMapping> mappings, Schema schema) {
        List<String> mapped = mappings.stream().map(ColumnMapping::field).toList();
        return schema.fields().stream().map(Field::name)
                .filter(name -> !mapped.contains(name)).toList();
    }

    private static Match match(String header, Field field) {
        if (field == null) {
            return Match.UNMAPPED;
        }
        String name = field.name();
        if (header.equals(name)) {
            return Match.EXACT;
        }
        String trimmed = header.strip();
        if (trimmed.equalsIgnoreCase(name)) {
            return trimmed.equals(header) ? Match.CASE_DIFFERENCE : Match.WHITESPACE_DIFFERENCE;
        }
        return Match.ALIAS;
    }

    /** The job read without a header and with one loose column: the header comes as a row. */
    private static JobDefinition headerProbe(JobDefinition job) {
        JobDefinition.Format format = job.format();
        Field any = new Field("_header", JobDefinition.FieldType.STRING, false, null, null, null,
                null, null, null, null);
        Schema schema = new Schema(List.of(), List.of(any), JobDefinition.DuplicateRule.LAST_WINS,
                JobDefinition.ExtraColumns.IGNORE);
        return new JobDefinition(job.id(), job.name(), job.source(),
                new JobDefinition.Format(format.type(), format.delimiter(), format.encoding(),
                        false, format.locale()),
                schema, job.destination(), job.maxFailedPercent(), job.schedule(),
                job.notifications());
    }
}
