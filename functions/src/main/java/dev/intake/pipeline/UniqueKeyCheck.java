package dev.intake.pipeline;

/**
 * Hashes the keys of the valid records while Validate stages them, so that Process need not read
 * the records again to learn that no key repeats (see {@link ProcessStep}): when no hash repeats,
 * no key does. Past {@link ProcessStep#KEYS_PER_PARTITION} keys it gives up and lets go of its
 * hashes, as Process then splits the records into partitions and hashes each one itself.
 */
final class UniqueKeyCheck {

    private final int limit;
    private KeyHashes hashes = new KeyHashes(0);
    private long added;

    UniqueKeyCheck(int limit) {
        this.limit = limit;
    }

    void add(String key) {
        if (hashes == null) {
            return;
        }
        if (++added > limit) {
            hashes = null;
            return;
        }
        hashes.add(KeyHashes.hash(key));
    }

    /** True when the keys added were no more than the limit and none of them repeats. */
    boolean provenUnique() {
        return hashes != null && !hashes.anyRepeated();
    }
}
