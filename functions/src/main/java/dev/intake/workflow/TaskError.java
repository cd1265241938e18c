package dev.intake.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The error output a Catch hands on: {@code {"Error": ..., "Cause": ...}}. For a Lambda function
 * error the cause is the JSON the runtime wrote ({@code errorMessage}, {@code errorType}, ...).
 */
public record TaskError(String error, String cause) {

    /** The message a person reads: the function's errorMessage when the cause carries one. */
    public String message() {
        if (cause == null || cause.isBlank()) {
            return "";
        }
        try {
            JsonNode parsed = WorkflowJson.mapper().readTree(cause);
            if (parsed != null && parsed.hasNonNull("errorMessage")) {
                return parsed.get("errorMessage").asText();
            }
        } catch (IOException notJson) {
            // Causes written by Step Functions itself are plain text: use them as they are.
        }
        return cause;
    }
}
