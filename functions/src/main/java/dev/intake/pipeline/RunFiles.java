package dev.intake.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.JobDefinition;
import dev.intake.port.ObjectStore;
import dev.intake.read.RecordReader;
import dev.intake.run.Run;
import dev.intake.run.SourceObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects one run writes next to its source file, under {@code staging/<runId>/} and
 * {@code failed-records/<jobId>/}: outside {@code incoming/}, so that they never start a run.
 */
final class RunFiles {

    static final String CSV = "text/csv; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore objects;
    private final Run run;
    private final JobDefinition job;

    RunFiles(ObjectStore objects, Run run, JobDefinition job) {
        this.objects = objects;
        this.run = run;
        this.job = job;
    }

    String bucket() {
        return run.source().bucket();
    }

    /** Valid records of one part of the file; part 0 is the whole file when not sliced. */
    String validKey(int part) {
        return staging("valid/" + partName(part) + ".bin");
    }

    /** Every valid-records part, in file order. */
    List<String> validKeys() {
        return objects.list(bucket(), staging("valid/")).stream()
                .map(ObjectStore.ObjectInfo::key)
                .toList();
    }

    /** Valid records whose keys hash to one partition, for files too large for one index. */
    String partitionKey(int partition) {
        return staging("partition/" + partName(partition) + ".bin");
    }

    String processedKey() {
        return staging("processed.bin");
    }

    /**
     * The records to import: those the Process step wrote, or the valid records themselves when
     * it found nothing to change and so wrote none.
     */
    InputStream openProcessed() {
        if (objects.head(bucket(), processedKey()).isPresent()) {
            return open(processedKey());
        }
        return openValid();
    }

    /**
     * Declares the valid records to be the records to import, removing what an earlier attempt
     * of the Process step may have written.
     */
    void importValidAsTheyAre() {
        objects.delete(bucket(), processedKey());
    }

    /**
     * Records what Validate found about the keys of the {@code validRecords} it staged: whether
     * it proved that none repeats. Written after every whole validation, true or false, so that
     * the latest one always replaces what an earlier delivery of the step left. The count ties
     * the proof to those records: a proof that does not match them is not used.
     */
    void writeKeysProof(long validRecords, boolean keysUnique) {
        try (OutputStream out = create(keysUniqueKey(), "application/json")) {
            JSON.writeValue(out, new KeysProof(validRecords, keysUnique));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + keysUniqueKey(), e);
        }
    }

    /** Whether Validate proved that no key repeats among these {@code validRecords}. */
    boolean keysProvenUnique(long validRecords) {
        if (objects.head(bucket(), keysUniqueKey()).isEmpty()) {
            return false;
        }
        try (InputStream in = open(keysUniqueKey())) {
            KeysProof proof = JSON.readValue(in, KeysProof.class);
            return proof.keysUnique() && proof.validRecords() == validRecords;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + keysUniqueKey(), e);
        }
    }

    private record KeysProof(long validRecords, boolean keysUnique) {}

    private String keysUniqueKey() {
        return staging("keys-unique.json");
    }

    /**
     * Failed rows a step found, without a header; step 1 validate, 2 process, 3 import. Keys sort
     * by step, then part, which is the order the failed-records file lists them in.
     */
    String failedPartKey(int step, int part) {
        return staging("failed/" + step + "-" + partName(part) + ".csv");
    }

    /** Rows that failed after validation, by line and error; step 2 process, 3 import. */
    String lateFailuresKey(int step) {
        return staging("late/" + step + ".jsonl");
    }

    String columnsKey() {
        return staging("columns.json");
    }

    String failedRecordsKey() {
        return "failed-records/" + run.jobId() + "/" + run.id() + ".csv";
    }

    OutputStream create(String key, String contentType) {
        return objects.create(bucket(), key, contentType);
    }

    InputStream open(String key) {
        return objects.open(bucket(), key, null);
    }

    /** The run's source file, at the version the run was started for. */
    RecordReader openSource() {
        SourceObject source = run.source();
        InputStream in = objects.open(source.bucket(), source.key(), versionOf(source));
        try {
            return RecordReader.open(in, job, source.key());
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    /** All valid-records parts as one stream, each part opened only when reached. */
    InputStream openValid() {
        java.util.Iterator<String> keys = validKeys().iterator();
        return new java.io.SequenceInputStream(new java.util.Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return keys.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return open(keys.next());
            }
        });
    }

    /** The file's columns, so that later steps can write failed records in the same layout. */
    void writeColumns(List<String> columns) {
        try (OutputStream out = create(columnsKey(), "application/json")) {
            JSON.writeValue(out, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + columnsKey(), e);
        }
    }

    List<String> readColumns() {
        try (InputStream in = open(columnsKey())) {
            return JSON.readValue(in, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + columnsKey(), e);
        }
    }

    /**
     * Joins the header and the failed rows of every step into the failed-records object. Returns
     * its key, or null when no row failed. Rows that failed validation come first, in line order
     * within each part; then the rows later steps rejected (duplicates, destination refusals), in
     * line order, with their values read again from the source file.
     */
    String assembleFailedRecords(long failedRows) {
        if (failedRows == 0) {
            return null;
        }
        String key = failedRecordsKey();
        try (OutputStream out = create(key, CSV)) {
            FailedRecordsWriter rows = new FailedRecordsWriter(out, readColumns());
            rows.writeHeader();
            rows.flush();

            copyValidationFailures(out);

            writeLateFailures(rows);
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + key, e);
        }
        return key;
    }

    private void copyValidationFailures(OutputStream out) throws IOException {
        for (ObjectStore.ObjectInfo part : objects.list(bucket(), staging("failed/"))) {
            try (InputStream in = open(part.key())) {
                in.transferTo(out);
            }
        }
    }

    /** Reads the source again, once, and only when a later step rejected rows. */
    private void writeLateFailures(FailedRecordsWriter rows) {
        List<RowError> late = new ArrayList<>();
        for (ObjectStore.ObjectInfo part : objects.list(bucket(), staging("late/"))) {
            late.addAll(LateFailures.read(open(part.key())));
        }
        if (late.isEmpty()) {
            return;
        }
        try (RecordReader source = openSource()) {
            LateFailures.writeWithSourceValues(late, source, rows);
        }
    }

    /** Removes what the steps staged; the failed-records object stays. */
    void deleteStaging() {
        for (ObjectStore.ObjectInfo object : objects.list(bucket(), staging(""))) {
            objects.delete(bucket(), object.key());
        }
    }

    /** The stored version, or null (latest) when only an ETag identifies the object. */
    private static String versionOf(SourceObject source) {
        boolean etagOnly = source.version() == null || source.version().equals(source.etag());
        return etagOnly ? null : source.version();
    }

    private static void closeQuietly(InputStream in, RuntimeException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(new UncheckedIOException(e));
        }
    }

    private static String partName(int part) {
        return String.format("%06d", part);
    }

    private String staging(String name) {
        return "staging/" + run.id() + "/" + name;
    }
}
