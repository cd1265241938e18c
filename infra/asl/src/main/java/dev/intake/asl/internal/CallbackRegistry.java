package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.TaskCallbacks;
import dev.intake.asl.TaskTokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Task tokens that tasks wait on, and the answers sent for them. */
public final class CallbackRegistry implements TaskCallbacks {

    /** An answer for a waiting task; {@code arrivesAt} null means when it was sent. */
    record Answer(Kind kind, JsonNode output, String error, String cause, Instant arrivesAt) {
        enum Kind { SUCCESS, FAILURE, HEARTBEAT }

        boolean isFinal() {
            return kind != Kind.HEARTBEAT;
        }
    }

    /** A task waiting for its token's answer. */
    static final class Waiting {
        private final Deque<Answer> answers = new ArrayDeque<>();
        private boolean answered;

        private synchronized void offer(Answer answer, String token) {
            if (answered) {
                throw new TaskTokenException("Task token " + token + " was already answered");
            }
            answered = answer.isFinal();
            answers.add(answer);
            notifyAll();
        }

        /** The next answer, waiting up to {@code limit} of real time; null when none came. */
        synchronized Answer next(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (answers.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return answers.poll();
        }

        /** The next answer already sent, without waiting; null when none. */
        synchronized Answer poll() {
            return answers.poll();
        }
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    Waiting register(String token) {
        Waiting entry = new Waiting();
        waiting.put(token, entry);
        return entry;
    }

    void unregister(String token) {
        waiting.remove(token);
    }

    @Override
    public void sendTaskSuccess(String token, JsonNode output) {
        success(token, output, null);
    }

    @Override
    public void sendTaskSuccess(String token, JsonNode output, Instant arrivesAt) {
        success(token, output, Objects.requireNonNull(arrivesAt, "arrivesAt"));
    }

    @Override
    public void sendTaskFailure(String token, String error, String cause) {
        find(token).offer(new Answer(Answer.Kind.FAILURE, null, error, cause, null), token);
    }

    @Override
    public void sendTaskFailure(String token, String error, String cause, Instant arrivesAt) {
        find(token).offer(new Answer(Answer.Kind.FAILURE, null, error, cause,
                Objects.requireNonNull(arrivesAt, "arrivesAt")), token);
    }

    @Override
    public void sendTaskHeartbeat(String token) {
        find(token).offer(new Answer(Answer.Kind.HEARTBEAT, null, null, null, null), token);
    }

    private void success(String token, JsonNode output, Instant arrivesAt) {
        find(token).offer(new Answer(Answer.Kind.SUCCESS, output == null
                ? Json.NODES.nullNode() : output, null, null, arrivesAt), token);
    }

    private Waiting find(String token) {
        Waiting entry = waiting.get(token);
        if (entry == null) {
            throw new TaskTokenException("No task waits on token " + token + ": it was never "
                    + "issued, was already answered, or timed out");
        }
        return entry;
    }
}
