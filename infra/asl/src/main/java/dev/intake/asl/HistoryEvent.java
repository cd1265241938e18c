package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of an execution's history. Events of parallel branches and Map iterations are
 * grouped branch by branch and iteration by iteration (in index order) so the history is the same
 * on every run, whatever threads ran them.
 *
 * @param id 1-based position in the history
 * @param previousEventId the event this one follows (0 for the first)
 * @param timestamp when it happened on the interpreter's clock
 * @param type the AWS event type
 * @param stateName the state it concerns; null for execution-level events
 * @param details type-specific fields, e.g. {@code {"input":…}} for StateEntered,
 *     {@code {"error":…,"cause":…}} for failures,
 *     {@code {"retryCount":1,"delaySeconds":900}} for
 *     {@link HistoryEventType#RetryScheduled}, {@code {"index":3}} for Map iterations
 */
public record HistoryEvent(
        long id,
        long previousEventId,
        Instant timestamp,
        HistoryEventType type,
        String stateName,
        JsonNode details) {

    public HistoryEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(details, "details");
    }
}
