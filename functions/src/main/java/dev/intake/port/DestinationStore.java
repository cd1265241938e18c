package dev.intake.port;

import dev.intake.job.JobDefinition;
import java.util.List;
import java.util.Map;

/**
 * The tables records are imported into: DynamoDB tables on AWS, SQLite tables locally. Writes
 * are keyed, so writing the same record twice leaves one record.
 */
public interface DestinationStore {

    /**
     * Opens a writer for one run; close it to flush what is buffered and to learn whether the
     * last writes failed.
     */
    Writer open(JobDefinition job, String runId);

    interface Writer extends AutoCloseable {

        /**
         * Writes a batch of processed records (field name to normalised value) keyed by the job's
         * key. Returns the records that could not be written, each with its reason; every other
         * record is written once {@link #close} returns without throwing. A writer may write in
         * the background: a failure of an earlier batch is thrown by a later call.
         */
        List<Rejected> write(List<Record> batch);

        /** Waits for every write to finish; throws when one failed. */
        @Override
        void close();
    }

    /** A processed record and the line it started on in the source file. */
    record Record(long line, Map<String, Object> values) {

        public Record {
            values = FrozenValues.of(values);
        }
    }

    record Rejected(Record record, String code, String message) {}
}
