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

    String validKey() {
        return staging("valid.jsonl");
    }

    String processedKey() {
        return staging("processed.jsonl");
    }

    /** Failed rows a step found, without a header; step 1 validate, 2 process, 3 import. */
    String failedPartKey(int step) {
        return staging("failed-" + step + ".csv");
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
     * its key, or null when no row failed.
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
            for (int step = 1; step <= 3; step++) {
                copyIfPresent(failedPartKey(step), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + key, e);
        }
        return key;
    }

    private void copyIfPresent(String key, OutputStream out) throws IOException {
        if (objects.head(bucket(), key).isEmpty()) {
            return;
        }
        try (InputStream in = open(key)) {
            in.transferTo(out);
        }
    }

    private String staging(String name) {
        return "staging/" + run.id() + "/" + name;
    }
}
