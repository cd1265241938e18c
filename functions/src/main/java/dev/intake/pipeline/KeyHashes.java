package dev.intake.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 64-bit hashes of a partition's keys, gathered to learn whether any hash repeats. Two keys
 * that share a hash are not told apart here; that is what {@link DuplicateIndex} is for.
 *
 * <p>Why buckets rather than one hash table: inserting a million hashes into one 16 MB table
 * misses the cache on nearly every insert, and that cost more than reading the records. Here
 * each hash is appended to one of 1,024 buckets by its top bits, which touches memory in order,
 * and each bucket, small enough for the cache, is checked on its own at the end. About 10 bytes
 * per key, no object per key.
 */
final class KeyHashes {

    private static final int BUCKET_BITS = 10;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final long[][] buckets = new long[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    private final int firstBucketSize;

    KeyHashes(int expectedKeys) {
        // A quarter above the mean: most buckets never grow, and a small file allocates little.
        int mean = Math.max(0, expectedKeys) / BUCKETS;
        this.firstBucketSize = 16 + mean + mean / 4;
    }

    void add(long hash) {
        int bucket = (int) (hash >>> (Long.SIZE - BUCKET_BITS));
        long[] hashes = buckets[bucket];
        if (hashes == null) {
            hashes = new long[firstBucketSize];
            buckets[bucket] = hashes;
        } else if (sizes[bucket] == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            buckets[bucket] = hashes;
        }
        hashes[sizes[bucket]++] = hash;
    }

    /** Whether some hash was added more than once. */
    boolean anyRepeated() {
        long[] table = new long[0];
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            int size = sizes[bucket];
            int capacity = Integer.highestOneBit(Math.max(8, size) * 2 - 1) << 1;
            if (table.length < capacity) {
                table = new long[capacity];
            }
            if (size > 0 && repeats(buckets[bucket], size, table, capacity)) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the bytes, then a finalising mix so that all bits are well spread. */
    static long hash(byte[] bytes, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * FNV_PRIME;
        }
        return mix(h);
    }

    /**
     * The hash of the key's UTF-8 bytes, as staged: an ASCII key is its own bytes, so it is
     * hashed char by char without encoding it.
     */
    static long hash(String key) {
        long h = FNV_OFFSET;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
                return hash(utf8, 0, utf8.length);
            }
            h = (h ^ c) * FNV_PRIME;
        }
        return mix(h);
    }

    private static long mix(long fnv) {
        long h = fnv;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Open addressing in the first {@code capacity} slots of the table, zero marking a free one.
     * The hash zero is taken as one: at worst a false repeat, which the exact pass then settles.
     */
    private static boolean repeats(long[] hashes, int size, long[] table, int capacity) {
        Arrays.fill(table, 0, capacity, 0L);
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            long hash = hashes[i] == 0 ? 1 : hashes[i];
            int slot = (int) hash & mask;
            while (table[slot] != 0 && table[slot] != hash) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == hash) {
                return true;
            }
            table[slot] = hash;
        }
        return false;
    }
}
