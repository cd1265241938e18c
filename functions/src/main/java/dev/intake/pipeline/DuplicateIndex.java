package dev.intake.pipeline;

import java.util.Arrays;

/**
 * Remembers, for every key of one file, how many rows had it and which row wins, in memory that
 * stays small for millions of rows: an open-addressing table of primitive arrays indexed by a
 * 64-bit hash of the key, with the key's characters appended once to one shared char array so that
 * two keys with the same hash are still told apart exactly. About 30 bytes per distinct key plus
 * its characters: a million five-digit keys take about 40 MB, no per-key objects.
 */
final class DuplicateIndex {

    private static final int EMPTY = -1;

    private final boolean lastWins;
    private final java.util.function.ToLongFunction<String> hasher;
    private long[] hashes;
    private long[] winners;
    private int[] offsets;
    private byte[] counts;
    private char[] arena = new char[1 << 16];
    private int arenaSize;
    private int size;
    private long rows;

    /** @param lastWins whether a later row replaces the winner (else the first row stays) */
    DuplicateIndex(boolean lastWins, int expectedKeys) {
        this(lastWins, expectedKeys, DuplicateIndex::hash);
    }

    /** With another hash, so that tests can make every key collide. */
    DuplicateIndex(boolean lastWins, int expectedKeys,
            java.util.function.ToLongFunction<String> hasher) {
        this.lastWins = lastWins;
        this.hasher = hasher;
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys) * 2 - 1) << 1;
        allocate(capacity);
    }

    /** Records a row with this key. */
    void add(String key, long line) {
        if (size * 4 >= hashes.length * 3) {
            grow();
        }
        rows++;
        long hash = hasher.applyAsLong(key);
        int slot = find(key, hash);
        if (offsets[slot] == EMPTY) {
            hashes[slot] = hash;
            offsets[slot] = append(key);
            winners[slot] = line;
            counts[slot] = 1;
            size++;
        } else {
            counts[slot] = (byte) Math.min(counts[slot] + 1, Byte.MAX_VALUE);
            if (lastWins) {
                winners[slot] = line;
            }
        }
    }

    /** How many rows had the key (counts above 126 read as 127). */
    int count(String key) {
        int slot = find(key, hasher.applyAsLong(key));
        return offsets[slot] == EMPTY ? 0 : counts[slot];
    }

    /** The line of the row that wins for this key. */
    long winner(String key) {
        int slot = find(key, hasher.applyAsLong(key));
        return offsets[slot] == EMPTY ? -1 : winners[slot];
    }

    int size() {
        return size;
    }

    /** Whether some key was added more than once. */
    boolean hasRepeats() {
        return rows > size;
    }

    private int find(String key, long hash) {
        int mask = hashes.length - 1;
        int slot = (int) hash & mask;
        while (offsets[slot] != EMPTY && !(hashes[slot] == hash && sameKey(offsets[slot], key))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean sameKey(int offset, String key) {
        int length = arena[offset] << 16 | arena[offset + 1];
        if (length != key.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (arena[offset + 2 + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int append(String key) {
        int needed = arenaSize + key.length() + 2;
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(needed, arena.length * 2));
        }
        int offset = arenaSize;
        arena[offset] = (char) (key.length() >>> 16);
        arena[offset + 1] = (char) key.length();
        key.getChars(0, key.length(), arena, offset + 2);
        arenaSize = needed;
        return offset;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldWinners = winners;
        int[] oldOffsets = offsets;
        byte[] oldCounts = counts;
        allocate(oldHashes.length * 2);
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldOffsets[i] != EMPTY) {
                int slot = (int) oldHashes[i] & mask;
                while (offsets[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                winners[slot] = oldWinners[i];
                offsets[slot] = oldOffsets[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new long[capacity];
        winners = new long[capacity];
        offsets = new int[capacity];
        counts = new byte[capacity];
        Arrays.fill(offsets, EMPTY);
    }

    /** FNV-1a over the characters, then a finalising mix so that low bits are well spread. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
