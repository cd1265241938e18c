package dev.intake.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs every Task resource that is not a Lambda function: optimised integrations such as
 * {@code arn:aws:states:::dynamodb:putItem}, {@code arn:aws:states:::aws-sdk:s3:getObject}, or any
 * other ARN. The resource is passed as written, including a {@code .sync} or
 * {@code .waitForTaskToken} suffix. Fails by throwing {@link TaskFailedException} with the AWS
 * error name (e.g. {@code DynamoDB.ResourceNotFoundException}).
 */
@FunctionalInterface
public interface TaskHandler {

    /** Calls {@code resource} with the state's effective parameters. */
    TaskResult handle(String resource, JsonNode parameters, InvocationContext context);
}
