package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.HistoryEvent;
import dev.intake.asl.HistoryEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one branch of an execution. Child branches keep their own log, appended to the
 * parent's in branch or iteration order when they are done, which keeps the history identical
 * whatever thread ran what. Ids are given only when the whole history is assembled.
 */
final class EventLog {

    private record Pending(Instant timestamp, HistoryEventType type, String stateName,
            JsonNode details) {
    }

    private final List<Pending> events = new ArrayList<>();

    void add(Instant timestamp, HistoryEventType type, String stateName, JsonNode details) {
        events.add(new Pending(timestamp, type, stateName, details));
    }

    void addAll(EventLog child) {
        events.addAll(child.events);
    }

    /** Appends the child's events up to {@code until} inclusive; all of them when null. */
    void addAll(EventLog child, java.time.Instant until) {
        for (Pending event : child.events) {
            if (until == null || !event.timestamp().isAfter(until)) {
                events.add(event);
            }
        }
    }

    List<HistoryEvent> toHistory() {
        List<HistoryEvent> history = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Pending event = events.get(i);
            history.add(new HistoryEvent(i + 1, i, event.timestamp(), event.type(),
                    event.stateName(), event.details()));
        }
        return history;
    }
}
