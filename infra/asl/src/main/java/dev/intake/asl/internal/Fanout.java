package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches of a Parallel or the iterations of a Map, up to a concurrency limit, on up
 * to {@code parallelism} threads, and makes the outcome independent of thread timing:
 * <ul>
 * <li>Work is split into lanes (as many as the concurrency limit); lane {@code l} runs items
 * {@code l, l + lanes, …} one after another, and on a virtual clock each starts when the
 * previous one in its lane ended.</li>
 * <li>With fail-fast, the failure with the lowest index wins; items above it are skipped when
 * not yet started, and their results and events are dropped either way.</li>
 * <li>Event logs are appended to the parent's in index order.</li>
 * </ul>
 */
final class Fanout {

    /** The body of one branch or iteration; throws {@link StatesError} when it fails. */
    @FunctionalInterface
    interface Work {
        JsonNode run(int index, Frame child);
    }

    /** How one item ended; exactly one of output and error is set. */
    record Result(int index, JsonNode output, StatesError error, Instant start, Instant end) {
        boolean failed() {
            return error != null;
        }
    }

    private final Frame parent;
    private final int count;
    private final int lanes;
    private final boolean failFast;
    private final Work work;
    private final Result[] results;
    private final EventLog[] logs;
    private final RuntimeException[] crashes;
    private final AtomicInteger lowestFailure = new AtomicInteger(Integer.MAX_VALUE);
    private final long seed;

    private Fanout(Frame parent, int count, int maxConcurrency, boolean failFast, Work work) {
        this.parent = parent;
        this.count = count;
        this.lanes = maxConcurrency <= 0 ? count : Math.min(maxConcurrency, count);
        this.failFast = failFast;
        this.work = work;
        this.results = new Result[count];
        this.logs = new EventLog[count];
        this.crashes = new RuntimeException[count];
        this.seed = parent.random().nextLong();
    }

    /**
     * Runs {@code count} items. Returns the results kept (all, or with fail-fast those up to
     * the first failure), in index order.
     */
    static List<Result> run(Frame parent, int count, int maxConcurrency, boolean failFast,
            Work work) {
        if (count == 0) {
            return List.of();
        }
        return new Fanout(parent, count, maxConcurrency, failFast, work).runAll();
    }

    private List<Result> runAll() {
        Instant start = parent.timeline().now();
        int threads = Math.min(parent.run().services().parallelism(), lanes);
        if (threads <= 1) {
            for (int lane = 0; lane < lanes; lane++) {
                runLane(lane, start);
            }
        } else {
            runOnThreads(threads, start);
        }
        return collect();
    }

    private void runOnThreads(int threads, Instant start) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                int current = lane;
                futures.add(pool.submit(() -> runLane(current, start)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw parent.run().interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a branch crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void runLane(int lane, Instant start) {
        Instant cursor = start;
        for (int i = lane; i < count; i += lanes) {
            if (lowestFailure.get() < i) {
                return;
            }
            Frame child = parent.child(i, cursor, seed);
            logs[i] = child.log();
            runOne(i, child, cursor);
            cursor = child.timeline().now();
        }
    }

    private void runOne(int index, Frame child, Instant start) {
        try {
            JsonNode output = work.run(index, child);
            results[index] = new Result(index, output, null, start, child.timeline().now());
        } catch (StatesError error) {
            results[index] = new Result(index, null, error, start, child.timeline().now());
            if (failFast) {
                lowestFailure.accumulateAndGet(index, Math::min);
            }
        } catch (ExecutionStop | IllegalStateException crash) {
            crashes[index] = crash;
            lowestFailure.set(-1);
        }
    }

    private List<Result> collect() {
        int last = Math.min(count - 1, lowestFailure.get() < 0 ? count - 1 : lowestFailure.get());
        List<Result> kept = new ArrayList<>();
        Instant end = parent.timeline().now();
        for (int i = 0; i <= last; i++) {
            if (logs[i] != null) {
                parent.log().addAll(logs[i]);
            }
            if (crashes[i] != null) {
                throw crashes[i];
            }
            if (results[i] != null) {
                kept.add(results[i]);
                end = results[i].end().isAfter(end) ? results[i].end() : end;
            }
        }
        parent.timeline().advanceTo(end);
        return kept;
    }
}
