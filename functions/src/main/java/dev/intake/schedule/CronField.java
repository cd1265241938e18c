package dev.intake.schedule;

import java.util.BitSet;

/** The values one cron field allows, such as minutes 0, 15, 30 and 45. Immutable. */
final class CronField {

    private final BitSet values;

    CronField(BitSet values) {
        this.values = (BitSet) values.clone();
    }

    boolean contains(int value) {
        return values.get(value);
    }

    /** The smallest allowed value at or above {@code from}, or -1 if there is none. */
    int nextFrom(int from) {
        return values.nextSetBit(Math.max(from, 0));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
