package dev.intake.asl.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(Frame::md5);

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

    /**
     * A UUID that depends only on the execution, this branch's position and a counter: the
     * name-based (version 3) UUID of that seed, as {@link UUID#nameUUIDFromBytes} makes it, with
     * a digest kept per thread rather than looked up per id.
     */
    String nextId(String purpose) {
        ids++;
        String seed = run.executionArn() + "#" + path + "#" + purpose + "#" + ids;
        byte[] md5 = MD5.get().digest(seed.getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(md5);
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
