package dev.intake.sampling;

import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The one step a sample leaves out: the write to the destination. Accepts every record, as a
 * destination that refuses none would, and keeps the first {@code limit} to show.
 */
final class DryRunDestination implements DestinationStore {

    private final int limit;
    private final List<Record> kept = new ArrayList<>();

    DryRunDestination(int limit) {
        this.limit = limit;
    }

    @Override
    public Writer open(JobDefinition job, String runId) {
        return new Writer() {
            @Override
            public List<Rejected> write(List<Record> batch) {
                for (Record record : batch) {
                    if (kept.size() < limit) {
                        kept.add(record);
                    }
                }
                return List.of();
            }

            @Override
            public void close() {
                // Nothing is buffered: the records were never going anywhere.
            }
        };
    }

    /** The first records the import step wrote, in its order; empty if it never ran. */
    List<Record> kept() {
        return List.copyOf(kept);
    }
}
