package dev.intake.testing;

import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Records by key, as keyed upserts; refuses the records a test names. */
public final class InMemoryDestinationStore implements DestinationStore {

    private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    private Predicate<Record> refuse = record -> false;

    public void refuse(Predicate<Record> which) {
        this.refuse = which;
    }

    public Map<String, Map<String, Object>> records() {
        return records;
    }

    @Override
    public Writer open(JobDefinition job, String runId) {
        return new Writer() {
            @Override
            public List<Rejected> write(List<Record> batch) {
                List<Rejected> rejected = new ArrayList<>();
                for (Record record : batch) {
                    if (refuse.test(record)) {
                        rejected.add(new Rejected(record, "ITEM_TOO_LARGE",
                                "the record is larger than 400 KB"));
                    } else {
                        records.put(key(job, record), record.values());
                    }
                }
                return rejected;
            }

            @Override
            public void close() {
            }
        };
    }

    private static String key(JobDefinition job, Record record) {
        return job.schema().key().stream().map(k -> String.valueOf(record.values().get(k)))
                .reduce((a, b) -> a + "|" + b).orElseThrow();
    }
}
