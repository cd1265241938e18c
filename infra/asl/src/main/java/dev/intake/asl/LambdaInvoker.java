package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs Lambda functions for Task states whose Resource is a function ARN
 * ({@code arn:aws:lambda:<region>:<account>:function:<name>}, the result is the function's value)
 * or {@code arn:aws:states:::lambda:invoke[.waitForTaskToken]} (FunctionName and Payload come from
 * Parameters; the interpreter wraps the value as
 * {@code {ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}}).
 * May throw {@link TaskFailedException} for failures outside the function, e.g.
 * {@code Lambda.ResourceNotFoundException} or {@code Lambda.Unknown} for an unhandled timeout.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes {@code functionName} (as written: name, partial or full ARN) with {@code payload}.
     */
    LambdaResult invoke(String functionName, JsonNode payload, InvocationContext context);
}
