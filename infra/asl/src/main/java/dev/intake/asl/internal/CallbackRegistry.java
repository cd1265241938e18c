package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.TaskCallbacks;
import dev.intake.asl.TaskTokenException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Task tokens that tasks wait on, and the answers sent for them. */
public final class CallbackRegistry implements TaskCallbacks {

    /** An answer for a waiting task. */
    record Answer(Kind kind, JsonNode output, String error, String cause) {
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
        find(token).offer(new Answer(Answer.Kind.SUCCESS, output == null
                ? Json.NODES.nullNode() : output, null, null), token);
    }

    @Override
    public void sendTaskFailure(String token, String error, String cause) {
        find(token).offer(new Answer(Answer.Kind.FAILURE, null, error, cause), token);
    }

    @Override
    public void sendTaskHeartbeat(String token) {
        find(token).offer(new Answer(Answer.Kind.HEARTBEAT, null, null, null), token);
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
