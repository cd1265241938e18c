package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for the answer to a task token. In a synchronous run on a virtual clock only answers
 * sent during the resource call count (no one else can answer), so a task without one times out
 * at once, at its virtual deadline. Executions started asynchronously on a virtual clock wait in
 * real time for an answer and never time out. On a system clock both timers run for real.
 */
final class CallbackWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Frame frame;
    private final CallbackRegistry.Waiting waiting;
    private final Instant start;
    private final long timeout;
    private final Long heartbeat;

    CallbackWait(Frame frame, CallbackRegistry.Waiting waiting, Instant start, long timeout,
            Long heartbeat) {
        this.frame = frame;
        this.waiting = waiting;
        this.start = start;
        this.timeout = timeout;
        this.heartbeat = heartbeat;
    }

    JsonNode await() {
        Run run = frame.run();
        if (run.isVirtual() && !run.isAsync()) {
            return virtualSynchronous();
        }
        return waitInRealTime(!run.isVirtual());
    }

    /**
     * Answers sent without a time land when the call ended, whatever the timers say (the call's
     * duration was already held against TimeoutSeconds). An answer for a later time lands then,
     * unless HeartbeatSeconds or TimeoutSeconds expire first (or at the same instant).
     */
    private JsonNode virtualSynchronous() {
        Instant lastBeat = start;
        Instant timeoutAt = start.plusSeconds(timeout);
        CallbackRegistry.Answer answer;
        while ((answer = waiting.poll()) != null) {
            if (answer.arrivesAt() != null) {
                Instant arrival = later(answer.arrivesAt(), frame.timeline().now());
                if (!arrival.isBefore(expiry(lastBeat, timeoutAt))) {
                    break;
                }
                frame.timeline().waitUntil(arrival);
            }
            if (answer.isFinal()) {
                return resolve(answer);
            }
            lastBeat = frame.timeline().now();
        }
        Instant expiry = expiry(lastBeat, timeoutAt);
        frame.timeline().waitUntil(expiry);
        throw new StatesError(expiry.equals(timeoutAt) ? StatesError.TIMEOUT
                : StatesError.HEARTBEAT_TIMEOUT, "");
    }

    /** When the first timer fires: the heartbeat's only when strictly before the timeout. */
    private Instant expiry(Instant lastBeat, Instant timeoutAt) {
        if (heartbeat != null && lastBeat.plusSeconds(heartbeat).isBefore(timeoutAt)) {
            return lastBeat.plusSeconds(heartbeat);
        }
        return timeoutAt;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * An answer for a later time waits in {@code due} until then: on a virtual clock (nothing
     * times out) the branch's time moves to it, on a system clock the timers keep running.
     */
    private JsonNode waitInRealTime(boolean timersRun) {
        Instant timeoutAt = start.plusSeconds(timeout);
        Instant beatAt = heartbeat == null ? null : frame.timeline().now().plusSeconds(heartbeat);
        CallbackRegistry.Answer due = null;
        while (true) {
            frame.timeline().checkpoint();
            Instant now = frame.timeline().now();
            if (timersRun && !now.isBefore(timeoutAt)) {
                throw new StatesError(StatesError.TIMEOUT, "");
            }
            if (timersRun && beatAt != null && !now.isBefore(beatAt)) {
                throw new StatesError(StatesError.HEARTBEAT_TIMEOUT, "");
            }
            CallbackRegistry.Answer answer = due != null && !now.isBefore(due.arrivesAt())
                    ? due : next();
            if (answer == null) {
                continue;
            }
            if (answer == due) {
                due = null;
            } else if (answer.arrivesAt() != null && now.isBefore(answer.arrivesAt())) {
                if (timersRun) {
                    due = answer;
                    continue;
                }
                frame.timeline().waitUntil(answer.arrivesAt());
            }
            if (answer.isFinal()) {
                return resolve(answer);
            }
            beatAt = heartbeat == null ? null : frame.timeline().now().plusSeconds(heartbeat);
        }
    }

    private CallbackRegistry.Answer next() {
        try {
            return waiting.next(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw frame.run().interrupted();
        }
    }

    private static JsonNode resolve(CallbackRegistry.Answer answer) {
        if (answer.kind() == CallbackRegistry.Answer.Kind.SUCCESS) {
            return answer.output();
        }
        throw new StatesError(answer.error(), answer.cause());
    }
}
