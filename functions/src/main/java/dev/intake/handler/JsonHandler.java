package dev.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.workflow.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

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
        I request = mapper.readValue(input, inputType);
        O result;
        try {
            result = handle(request);
        } catch (UncheckedIOException e) {
            throw withCauseInMessage(e);
        }
        mapper.writeValue(output, result);
    }

    abstract O handle(I input);

    /**
     * Lambda reports only the message of the exception a handler throws, and that message becomes
     * the run's failure reason. An UncheckedIOException says what was being done ("writing failed
     * records"); what went wrong ("could not write s3://...: ...") is its cause's message, so the
     * reported message joins the two. The class, and so the error name, stays the same.
     */
    static UncheckedIOException withCauseInMessage(UncheckedIOException e) {
        IOException cause = e.getCause();
        String detail = cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        String doing = e.getMessage();
        // new UncheckedIOException(cause) takes the cause's toString() as its message.
        boolean nothingSaid = doing == null || doing.equals(cause.toString());
        if (!nothingSaid && doing.contains(detail)) {
            return e;
        }
        UncheckedIOException joined = new UncheckedIOException(
                nothingSaid ? detail : doing + ": " + detail, cause);
        joined.setStackTrace(e.getStackTrace());
        return joined;
    }
}
