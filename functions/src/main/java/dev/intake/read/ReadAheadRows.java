package dev.intake.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads rows on a thread of its own and hands them over in batches, so that decoding and parsing
 * a file run on one core while the caller checks rows on another: on the benchmark's two cores
 * reading was a quarter of the validate step.
 *
 * <p>The caller sees what it would see reading directly: the same rows in the same order, then
 * the very exception the source threw (a {@link FileRejectedException} with its line and message,
 * an I/O failure) after the rows read before it. Memory stays bounded: a batch closes at
 * {@value #BATCH_ROWS} rows or about {@value #BATCH_CHARS} characters, and at most
 * {@value #QUEUED_BATCHES} batches wait. Closing stops the thread before the source is closed.
 */
final class ReadAheadRows implements RecordReader.RowSource {

    static final int BATCH_ROWS = 512;
    static final int BATCH_CHARS = 256 * 1024;
    static final int QUEUED_BATCHES = 4;

    private final RecordReader.RowSource source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread reader;
    private List<SourceRow> rows = List.of();
    private int next;
    private Throwable failure;
    private boolean ended;
    private volatile boolean stopped;

    /** What the reading thread hands over: rows, then maybe the end or the failure after them. */
    private record Batch(List<SourceRow> rows, boolean last, Throwable failure) {}

    ReadAheadRows(RecordReader.RowSource source, String fileKey) {
        this.source = source;
        this.reader = new Thread(this::readAll, "read-ahead " + fileKey);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public ColumnMap columns() {
        return source.columns();
    }

    @Override
    public SourceRow next() {
        while (next == rows.size()) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (ended) {
                return null;
            }
            take();
        }
        return rows.get(next++);
    }

    /**
     * Stops the reading thread, waits for it to leave the source, then closes the source. The
     * thread is told by a flag, not interrupted: an interrupt would close a file channel under
     * the source, turning a clean stop into an I/O failure.
     */
    @Override
    public void close() throws IOException {
        stopped = true;
        boolean interrupted = false;
        while (reader.isAlive()) {
            // Room in the queue frees the thread should it wait to put a batch.
            queue.clear();
            try {
                reader.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }

    private void take() {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows to be read", e);
        }
        rows = batch.rows();
        next = 0;
        ended = batch.last();
        failure = batch.failure();
    }

    /** The reading thread: batches until the end, a failure, or the flag close sets. */
    private void readAll() {
        try {
            boolean last = false;
            while (!last && !stopped) {
                List<SourceRow> batch = new ArrayList<>(BATCH_ROWS);
                Throwable failed = null;
                try {
                    last = fill(batch);
                } catch (RuntimeException | Error e) {
                    failed = e;
                    last = true;
                }
                queue.put(new Batch(batch, last, failed));
            }
        } catch (InterruptedException e) {
            // Interrupted from outside: stop reading, as close would.
        }
    }

    /** Fills one batch; true when the source has no more rows. */
    private boolean fill(List<SourceRow> batch) {
        long chars = 0;
        while (batch.size() < BATCH_ROWS && chars < BATCH_CHARS) {
            SourceRow row = source.next();
            if (row == null) {
                return true;
            }
            batch.add(row);
            chars += length(row);
        }
        return false;
    }

    private static long length(SourceRow row) {
        long chars = 0;
        for (String value : row.values()) {
            chars += value.length();
        }
        return chars;
    }
}
