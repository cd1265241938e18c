package dev.intake.asl.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Where a branch runs: its execution, its time, its event log, and its own sources of ids and
 * randomness. A child's ids and random numbers depend only on its position (branch or item
 * index) and the parent's state, never on which thread runs it, so runs repeat exactly.
 */
final class Frame {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Run run;
    private final Timeline timeline;
    private final EventLog log;
    private final String path;
    private final Random random;
    private long ids;

    private Frame(Run run, Timeline timeline, EventLog log, String path, Random random) {
        this.run = run;
        this.timeline = timeline;
        this.log = log;
        this.path = path;
        this.random = random;
    }

    /** The top-level branch, drawing from the interpreter's Random. */
    static Frame root(Run run) {
        return new Frame(run, new Timeline(run, run.startTime()), new EventLog(), "",
                run.services().random());
    }

    /** Child {@code index} of a fan-out whose seed was drawn from this frame. */
    Frame child(int index, Instant start, long seed) {
        return new Frame(run, new Timeline(run, start), new EventLog(), path + "/" + index,
                new Random(seed ^ (index * GOLDEN)));
    }

    Run run() {
        return run;
    }

    Timeline timeline() {
        return timeline;
    }

    EventLog log() {
        return log;
    }

    Random random() {
        return random;
    }

    /** A UUID that depends only on the execution, this branch's position and a counter. */
    String nextId(String purpose) {
        ids++;
        String seed = run.executionArn() + "#" + path + "#" + purpose + "#" + ids;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
