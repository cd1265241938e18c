package dev.intake.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.port.ObjectStore;
import dev.intake.run.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

    RunFiles(ObjectStore objects, Run run) {
        this.objects = objects;
        this.run = run;
    }

    String bucket() {
        return run.source().bucket();
    }

    /** Valid records of one part of the file; part 0 is the whole file when not sliced. */
    String validKey(int part) {
        return staging("valid/" + partName(part) + ".jsonl");
    }

    /** Every valid-records part, in file order. */
    List<String> validKeys() {
        return objects.list(bucket(), staging("valid/")).stream()
                .map(ObjectStore.ObjectInfo::key)
                .toList();
    }

    /** Valid records whose keys hash to one partition, for files too large for one index. */
    String partitionKey(int partition) {
        return staging("partition/" + partName(partition) + ".jsonl");
    }

    String processedKey() {
        return staging("processed.jsonl");
    }

    /**
     * Failed rows a step found, without a header; step 1 validate, 2 process, 3 import. Keys sort
     * by step, then part, which is the order the failed-records file lists them in.
     */
    String failedPartKey(int step, int part) {
        return staging("failed/" + step + "-" + partName(part) + ".csv");
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
     * its key, or null when no row failed. Rows are in line order within each step's part; the
     * parts follow one another (validation, then duplicates, then destination refusals).
     */
    String assembleFailedRecords(long failedRows) {
        if (failedRows == 0) {
            return null;
        }
        String key = failedRecordsKey();
        try (OutputStream out = create(key, CSV)) {
            FailedRecordsWriter header = new FailedRecordsWriter(out, readColumns());
            header.writeHeader();
            header.flush();
            for (ObjectStore.ObjectInfo part : objects.list(bucket(), staging("failed/"))) {
                try (InputStream in = open(part.key())) {
                    in.transferTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + key, e);
        }
        return key;
    }

    /** Removes what the steps staged; the failed-records object stays. */
    void deleteStaging() {
        for (ObjectStore.ObjectInfo object : objects.list(bucket(), staging(""))) {
            objects.delete(bucket(), object.key());
        }
    }

    private static String partName(int part) {
        return String.format("%06d", part);
    }

    private String staging(String name) {
        return "staging/" + run.id() + "/" + name;
    }
}
