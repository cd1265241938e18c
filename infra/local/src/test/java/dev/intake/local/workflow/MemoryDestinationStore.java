package dev.intake.local.workflow;

import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Destination tables in memory: keyed upserts, so a record written twice is one record. */
final class MemoryDestinationStore implements DestinationStore {

    private final Map<String, Map<String, Map<String, Object>>> tables = new TreeMap<>();
    private int writes;

    @Override
    public Writer open(JobDefinition job, String runId) {
        return new Writer() {
            @Override
            public List<Rejected> write(List<Record> batch) {
                batch.forEach(record -> put(job, record));
                return List.of();
            }

            @Override
            public void close() {
                // nothing is buffered
            }
        };
    }

    private synchronized void put(JobDefinition job, Record record) {
        String key = job.schema().key().stream()
                .map(field -> String.valueOf(record.values().get(field)))
                .collect(Collectors.joining("|"));
        Map<String, Map<String, Object>> table = tables.computeIfAbsent(
                job.destination().table(), name -> new TreeMap<>());
        table.put(key, new LinkedHashMap<>(record.values()));
        writes++;
    }

    /** The table's records as {@code key=values} lines, sorted by key. */
    synchronized List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        tables.getOrDefault(table, Map.of()).forEach((key, values) -> rows.add(key + "=" + values));
        return rows;
    }

    /** How many record writes reached a table, counting rewrites. */
    synchronized int writes() {
        return writes;
    }
}
