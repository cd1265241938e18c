package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A state's output and the state to run next; {@code next} is null when the branch ends. */
record Outcome(String next, JsonNode output) {
}
