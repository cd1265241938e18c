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

    private JsonNode virtualSynchronous() {
        Instant lastBeat = start;
        CallbackRegistry.Answer answer;
        while ((answer = waiting.poll()) != null) {
            if (answer.isFinal()) {
                return resolve(answer);
            }
            lastBeat = frame.timeline().now();
        }
        Instant timeoutAt = start.plusSeconds(timeout);
        if (heartbeat != null && lastBeat.plusSeconds(heartbeat).isBefore(timeoutAt)) {
            frame.timeline().waitUntil(lastBeat.plusSeconds(heartbeat));
            throw new StatesError(StatesError.HEARTBEAT_TIMEOUT, "");
        }
        frame.timeline().waitUntil(timeoutAt);
        throw new StatesError(StatesError.TIMEOUT, "");
    }

    private JsonNode waitInRealTime(boolean timersRun) {
        Instant timeoutAt = start.plusSeconds(timeout);
        Instant beatAt = heartbeat == null ? null : frame.timeline().now().plusSeconds(heartbeat);
        while (true) {
            frame.timeline().checkpoint();
            Instant now = frame.timeline().now();
            if (timersRun && !now.isBefore(timeoutAt)) {
                throw new StatesError(StatesError.TIMEOUT, "");
            }
            if (timersRun && beatAt != null && !now.isBefore(beatAt)) {
                throw new StatesError(StatesError.HEARTBEAT_TIMEOUT, "");
            }
            CallbackRegistry.Answer answer = next();
            if (answer == null) {
                continue;
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
