package dev.intake.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap every 10 ms on a daemon thread. Keeps two peaks: the heap in use (garbage
 * included, so it grows towards -Xmx whatever the import needs) and the heap still in use after
 * the last collection of each pool, which is what the import really holds.
 */
final class HeapSampler {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** The two peaks, in bytes. */
    record Peaks(long used, long afterGc) {}

    private HeapSampler() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        thread = new Thread(() -> {
            while (running.get()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakAfterGc.accumulateAndGet(afterGc(heapPools), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling and returns the peaks seen. */
    Peaks stop() {
        running.set(false);
        return new Peaks(peakUsed.get(), peakAfterGc.get());
    }

    private static long afterGc(List<MemoryPoolMXBean> pools) {
        long sum = 0;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage usage = pool.getCollectionUsage();
            sum += usage == null ? 0 : usage.getUsed();
        }
        return sum;
    }
}
