package dev.intake.asl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints a history as one line per event for people, e.g.
 * <pre>
 *    3  +00:15:00.000  TaskFailed              Retry1  {"error":"Boom","cause":"x"}
 * </pre>
 * The time column is the offset from the first event, which keeps virtual-clock histories
 * readable whatever the start instant.
 */
public final class HistoryFormatter {

    private static final int MAX_DETAILS = 200;

    private HistoryFormatter() {
    }

    public static String format(List<HistoryEvent> history) {
        if (history.isEmpty()) {
            return "";
        }
        Instant start = history.get(0).timestamp();
        StringBuilder out = new StringBuilder();
        for (HistoryEvent event : history) {
            out.append(line(event, start)).append('\n');
        }
        return out.toString();
    }

    static String line(HistoryEvent event, Instant start) {
        String state = event.stateName() == null ? "-" : event.stateName();
        return String.format("%4d  %s  %-24s %s  %s", event.id(),
                offset(Duration.between(start, event.timestamp())), event.type(), state,
                abbreviate(event.details().toString()));
    }

    private static String offset(Duration elapsed) {
        return String.format("+%02d:%02d:%02d.%03d", elapsed.toHours(), elapsed.toMinutesPart(),
                elapsed.toSecondsPart(), elapsed.toMillisPart());
    }

    private static String abbreviate(String details) {
        if (details.length() <= MAX_DETAILS) {
            return details;
        }
        return details.substring(0, MAX_DETAILS) + "…(" + details.length() + " chars)";
    }
}
