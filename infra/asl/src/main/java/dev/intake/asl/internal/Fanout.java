package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches of a Parallel or the iterations of a Map, up to a concurrency limit, and
 * makes the outcome independent of thread timing:
 * <ul>
 * <li>Work is split into lanes (as many as the concurrency limit, all items when unlimited);
 * lane {@code l} runs items {@code l, l + lanes, …}, each starting (on a virtual clock) when the
 * previous one in its lane ended.</li>
 * <li>On one thread, lanes take turns in virtual-time order, so fail-fast skips exactly the
 * items that would start after the first failure, as on AWS. On several threads, items that all
 * start together (no limit) all run; with a limit, items above the lowest failed index are
 * skipped, an approximation that can run a few items fewer or more than AWS would.</li>
 * <li>The failure reported is the one that happened first (then the lowest index); events after
 * it are dropped, as AWS stops the other branches then; logs join the parent's in index
 * order.</li>
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

    /** A lane waiting to run its next item at {@code cursor}. */
    private record Turn(int lane, int next, Instant cursor) {
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
     * Runs {@code count} items and returns the results of those that ran, in index order. With
     * fail-fast, the first of them that failed is {@link #firstFailure(List)}.
     */
    static List<Result> run(Frame parent, int count, int maxConcurrency, boolean failFast,
            Work work) {
        if (count == 0) {
            return List.of();
        }
        return new Fanout(parent, count, maxConcurrency, failFast, work).runAll();
    }

    /** The failure that happened first on the clock, the lowest index among equals. */
    static Result firstFailure(List<Result> results) {
        return results.stream().filter(Result::failed)
                .min(Comparator.comparing(Result::end).thenComparing(Result::index))
                .orElse(null);
    }

    private List<Result> runAll() {
        Instant start = parent.timeline().now();
        int threads = Math.min(parent.run().services().parallelism(), lanes);
        if (threads <= 1) {
            runInTurns(start);
        } else {
            runOnThreads(threads, start);
        }
        return collect();
    }

    private void runInTurns(Instant start) {
        PriorityQueue<Turn> turns = new PriorityQueue<>(Comparator.comparing(Turn::cursor)
                .thenComparing(Turn::lane));
        for (int lane = 0; lane < lanes; lane++) {
            turns.add(new Turn(lane, lane, start));
        }
        Instant failedAt = null;
        while (!turns.isEmpty()) {
            Turn turn = turns.poll();
            if (failFast && failedAt != null && startsAfter(turn, failedAt)) {
                continue;
            }
            Instant end = runOne(turn.next(), turn.cursor());
            if (crashes[turn.next()] != null) {
                return;
            }
            if (results[turn.next()].failed() && (failedAt == null || end.isBefore(failedAt))) {
                failedAt = end;
            }
            if (turn.next() + lanes < count) {
                turns.add(new Turn(turn.lane(), turn.next() + lanes, end));
            }
        }
    }

    /**
     * Whether the item of {@code turn} would start after a failure at {@code failedAt}: the
     * first item of each lane starts with the fan-out, so only a strictly earlier failure stops
     * it; a later item starts once its predecessor ended, so a failure by then stops it.
     */
    private boolean startsAfter(Turn turn, Instant failedAt) {
        boolean first = turn.next() < lanes;
        return first ? failedAt.isBefore(turn.cursor()) : !failedAt.isAfter(turn.cursor());
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
            cursor = runOne(i, cursor);
            if (crashes[i] != null) {
                return;
            }
        }
    }

    /** Runs item {@code index} from {@code start}; returns when it ended. */
    private Instant runOne(int index, Instant start) {
        Frame child = parent.child(index, start, seed);
        logs[index] = child.log();
        try {
            JsonNode output = work.run(index, child);
            results[index] = new Result(index, output, null, start, child.timeline().now());
        } catch (StatesError error) {
            results[index] = new Result(index, null, error, start, child.timeline().now());
            if (failFast && lanes < count) {
                lowestFailure.accumulateAndGet(index, Math::min);
            }
        } catch (ExecutionStop | IllegalStateException crash) {
            crashes[index] = crash;
            lowestFailure.set(-1);
        }
        return child.timeline().now();
    }

    private List<Result> collect() {
        List<Result> ran = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (crashes[i] != null) {
                joinLogs(null);
                throw crashes[i];
            }
            if (results[i] != null) {
                ran.add(results[i]);
            }
        }
        Result failure = failFast ? firstFailure(ran) : null;
        Instant until = failure == null ? null : failure.end();
        joinLogs(until);
        parent.timeline().advanceTo(until != null ? until : ran.stream().map(Result::end)
                .max(Comparator.naturalOrder()).orElse(parent.timeline().now()));
        return ran;
    }

    private void joinLogs(Instant until) {
        for (EventLog log : logs) {
            if (log != null) {
                parent.log().addAll(log, until);
            }
        }
    }
}
