package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How an execution ended.
 *
 * @param executionArn the execution's ARN, as in {@code $$.Execution.Id}
 * @param status final status
 * @param output the execution output when SUCCEEDED; null otherwise
 * @param error the error name when not SUCCEEDED (may be null for a failure sent without one)
 * @param cause the error cause when not SUCCEEDED; may be null
 * @param startTime from the clock when the execution started
 * @param stopTime from the clock when it ended
 * @param history every event, in order
 */
public record ExecutionResult(
        String executionArn,
        ExecutionStatus status,
        JsonNode output,
        String error,
        String cause,
        Instant startTime,
        Instant stopTime,
        List<HistoryEvent> history) {

    public ExecutionResult {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(stopTime, "stopTime");
        history = List.copyOf(history);
    }

    /** Events of one type, in order. */
    public List<HistoryEvent> events(HistoryEventType type) {
        return history.stream().filter(event -> event.type() == type).toList();
    }

    /** Events of one type for one state, in order. */
    public List<HistoryEvent> events(HistoryEventType type, String stateName) {
        return history.stream()
                .filter(event -> event.type() == type && stateName.equals(event.stateName()))
                .toList();
    }

    /**
     * How many times the Task state {@code stateName} called its resource (every attempt
     * counts), summed over every Map iteration and branch.
     */
    public int invocationCount(String stateName) {
        return events(HistoryEventType.TaskScheduled, stateName).size()
                + events(HistoryEventType.LambdaFunctionScheduled, stateName).size();
    }

    /** The history as readable lines; see {@link HistoryFormatter}. */
    public String formattedHistory() {
        return HistoryFormatter.format(history);
    }
}
