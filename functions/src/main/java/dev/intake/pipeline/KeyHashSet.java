package dev.intake.pipeline;

/**
 * The 64-bit hashes of a file's keys, kept in one open-addressing array of longs: no object per
 * key, so a million keys take 16 MB. It answers only whether a hash was seen before; two keys
 * that share a hash are not told apart here, which is what {@link DuplicateIndex} is for.
 */
final class KeyHashSet {

    /** Above this, the first table would be larger than a step should take before it must. */
    private static final int MAX_EXPECTED = 1 << 24;

    // Zero marks an empty slot, so the hash zero, when it comes, is remembered apart.
    private long[] slots;
    private boolean hasZero;
    private int size;

    KeyHashSet(int expectedHashes) {
        int expected = Math.min(Math.max(16, expectedHashes), MAX_EXPECTED);
        slots = new long[Integer.highestOneBit(expected * 2 - 1) << 1];
    }

    /** Adds the hash; returns false when it was already there. */
    boolean add(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int slot = find(slots, hash);
        if (slots[slot] == hash) {
            return false;
        }
        slots[slot] = hash;
        size++;
        if (size * 4L >= slots.length * 3L) {
            grow();
        }
        return true;
    }

    /** FNV-1a over the bytes, then a finalising mix so that the low bits are well spread. */
    static long hash(byte[] bytes, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** The slot that holds the hash, or the empty slot where it belongs. */
    private static int find(long[] table, long hash) {
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (table[slot] != 0 && table[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long hash : old) {
            if (hash != 0) {
                slots[find(slots, hash)] = hash;
            }
        }
    }
}
