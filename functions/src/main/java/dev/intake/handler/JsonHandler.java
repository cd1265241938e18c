package dev.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda handler that reads one JSON value of type {@code I} and writes one of type {@code O}.
 * Subclasses only map the input to a service call; exceptions propagate, so that Step Functions
 * sees the failure under the exception's class name and can retry or catch it.
 */
abstract class JsonHandler<I, O> implements RequestStreamHandler {

    private final Class<I> inputType;

    JsonHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        ObjectMapper mapper = WorkflowJson.mapper();
        O result = handle(mapper.readValue(input, inputType));
        mapper.writeValue(output, result);
    }

    abstract O handle(I input);
}
