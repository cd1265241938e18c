package dev.intake.sampling;

import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import java.util.List;

/**
 * The one step a sample leaves out: the write to the destination. Accepts every record, as a
 * destination that refuses none would, and keeps none of them.
 */
final class DryRunDestination implements DestinationStore {

    @Override
    public Writer open(JobDefinition job, String runId) {
        return new Writer() {
            @Override
            public List<Rejected> write(List<Record> batch) {
                return List.of();
            }

            @Override
            public void close() {
                // Nothing is buffered: the records were never going anywhere.
            }
        };
    }
}
