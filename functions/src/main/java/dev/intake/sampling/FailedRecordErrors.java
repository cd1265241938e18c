package dev.intake.sampling;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.Schema;
import dev.intake.sampling.SampleReport.SampleError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the errors back from the failed-records file the sample run wrote, so that the sample
 * shows exactly what a person would find in that file. A row with several errors has their
 * messages joined by " | ", each starting with its field's name; the first error's field and
 * code have their own columns.
 */
final class FailedRecordErrors {

    private static final int ERROR_COLUMNS = 4;

    private FailedRecordErrors() {}

    static List<SampleError> read(byte[] failedRecords, Schema schema) {
        Pattern between = messageBoundary(schema);
        List<SampleError> errors = new ArrayList<>();
        String text = new String(failedRecords, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(new StringReader(text))) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (!header) {
                    addErrors(record, between, errors);
                }
                header = false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sample's failed records", e);
        }
        return errors;
    }

    private static void addErrors(CsvRecord record, Pattern between, List<SampleError> errors) {
        int end = record.getFieldCount();
        long line = Long.parseLong(record.getField(end - ERROR_COLUMNS));
        String column = emptyToNull(record.getField(end - 3));
        String code = record.getField(end - 2);
        String[] messages = between.split(record.getField(end - 1));
        errors.add(new SampleError(line, column, code, messages[0]));
        for (int i = 1; i < messages.length; i++) {
            String field = messages[i].substring(0, messages[i].indexOf(": "));
            errors.add(new SampleError(line, field, null, messages[i]));
        }
    }

    /** " | " where the next message starts with a field's name: a value may hold " | " too. */
    private static Pattern messageBoundary(Schema schema) {
        List<String> names = schema.fields().stream().map(Field::name).map(Pattern::quote)
                .toList();
        return Pattern.compile(" \\| (?=(?:" + String.join("|", names) + "): )");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
