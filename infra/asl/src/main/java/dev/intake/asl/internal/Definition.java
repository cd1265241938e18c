package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated definition.
 *
 * @param json the definition as given
 * @param root the top-level states
 * @param timeoutSeconds the top-level TimeoutSeconds; null when absent
 */
public record Definition(JsonNode json, Branch root, Long timeoutSeconds) {
}
