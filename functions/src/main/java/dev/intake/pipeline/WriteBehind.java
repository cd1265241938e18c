package dev.intake.pipeline;

import dev.intake.pipeline.RecordValidator.Outcome;
import dev.intake.read.SourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stages checked rows on a thread of its own: valid ones as processed records, failed ones as
 * failed-record rows, in the order given. Encoding and writing the staged records took a fifth to
 * a third of the validate step's time, which another core can spend while the next rows are
 * checked.
 *
 * <p>Rows travel in batches of {@value #BATCH_ROWS} through a queue of {@value #QUEUED_BATCHES},
 * so memory stays bounded whatever the file's size. A failure of the writers (a store refusing a
 * write) stops the thread and is thrown, the very exception, by the next {@link #add} or by
 * {@link #finish}. {@link #close} stops the thread without writing the rows still queued: it is
 * for the way out after a failure, before the writers are closed.
 */
final class WriteBehind implements AutoCloseable {

    static final int BATCH_ROWS = 512;
    static final int QUEUED_BATCHES = 4;

    private static final Batch END = new Batch(List.of(), List.of());

    private final StagedRecords.Writer valid;
    private final FailedRecordsWriter failed;
    private final UniqueKeyCheck keys;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread writer;
    private volatile Throwable failure;
    private volatile boolean stopped;
    private List<SourceRow> rows = new ArrayList<>(BATCH_ROWS);
    private List<Outcome> outcomes = new ArrayList<>(BATCH_ROWS);

    private record Batch(List<SourceRow> rows, List<Outcome> outcomes) {}

    /** @param keys told the key of each valid record as it is staged; may be null */
    WriteBehind(StagedRecords.Writer valid, FailedRecordsWriter failed, UniqueKeyCheck keys,
            String name) {
        this.valid = valid;
        this.failed = failed;
        this.keys = keys;
        this.writer = new Thread(this::writeAll, "write-behind " + name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one checked row; throws the writers' failure if one happened. */
    void add(SourceRow row, Outcome outcome) {
        // Only a failed row is written from its source values; a valid one need not be kept.
        rows.add(outcome.isValid() ? null : row);
        outcomes.add(outcome);
        if (rows.size() == BATCH_ROWS) {
            hand(new Batch(rows, outcomes));
            rows = new ArrayList<>(BATCH_ROWS);
            outcomes = new ArrayList<>(BATCH_ROWS);
        }
    }

    /** Waits until every row is written; throws the writers' failure if one happened. */
    void finish() {
        hand(new Batch(rows, outcomes));
        hand(END);
        join();
        rethrowFailure();
    }

    /**
     * Stops the thread after the batch it is writing, if any. A flag and the end marker tell it,
     * not an interrupt, which would close a file channel under the writers that the caller still
     * closes.
     */
    @Override
    public void close() {
        if (writer.isAlive()) {
            stopped = true;
            queue.clear();
            queue.offer(END);
        }
        join();
    }

    private void hand(Batch batch) {
        rethrowFailure();
        try {
            while (!queue.offer(batch, 10, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging rows", e);
        }
    }

    private void join() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The writing thread: batches until the end marker, a failure, or the flag close sets. */
    private void writeAll() {
        try {
            for (Batch batch = queue.take(); batch != END && !stopped; batch = queue.take()) {
                write(batch);
            }
        } catch (InterruptedException e) {
            // Interrupted from outside: stop, as close would.
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void write(Batch batch) {
        for (int i = 0; i < batch.rows().size(); i++) {
            Outcome outcome = batch.outcomes().get(i);
            if (outcome.isValid()) {
                valid.write(outcome.record());
                if (keys != null) {
                    keys.add(outcome.record().key());
                }
            } else {
                SourceRow row = batch.rows().get(i);
                failed.write(row.line(), row.values(), outcome.errors());
            }
        }
    }
}
