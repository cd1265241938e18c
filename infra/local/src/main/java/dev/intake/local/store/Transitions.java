package dev.intake.local.store;

import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The messages a job or run transition fails with, shared by the job and run stores. */
final class Transitions {

    private Transitions() {}

    /**
     * @param what    "Job store-locations" or "Run r-1"
     * @param allowed labels of the statuses {@code from} may move to
     */
    static IllegalTransitionException illegal(String what, String from, String to,
            Set<String> allowed) {
        String rule = allowed.isEmpty()
                ? from + " is final and allows no further status"
                : from + " may only move to " + String.join(" or ", new TreeSet<>(allowed));
        return new IllegalTransitionException(
                what + " cannot move from " + from + " to " + to + ": " + rule + ".");
    }

    /** @param current the status found now, or null if the item does not exist */
    static ConflictException lost(String what, String from, String to, String current) {
        if (current == null) {
            return new ConflictException(what + " does not exist, so it cannot move from "
                    + from + " to " + to + ".");
        }
        return new ConflictException(what + " is no longer " + from + " (it is " + current
                + "): another writer changed it first, so the move to " + to + " was not made."
                + " Read it again and decide whether the move still applies.");
    }

    static <E extends Enum<E>> Set<String> labels(Set<E> statuses, Function<E, String> label) {
        Set<String> labels = new TreeSet<>();
        statuses.forEach(status -> labels.add(label.apply(status)));
        return labels;
    }
}
