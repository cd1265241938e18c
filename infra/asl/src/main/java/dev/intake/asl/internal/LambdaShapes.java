package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.LambdaResult;

/** The JSON shapes AWS gives Lambda results and errors in Step Functions. */
final class LambdaShapes {

    private LambdaShapes() {
    }

    /** {@code {"errorMessage":…,"errorType":…,"requestId":…,"stackTrace":[…]}} as text. */
    static String errorCause(LambdaResult.FunctionError error, String requestId) {
        ObjectNode cause = Json.object();
        cause.put("errorMessage", error.errorMessage());
        cause.put("errorType", error.errorType());
        cause.put("requestId", requestId);
        ArrayNode trace = cause.putArray("stackTrace");
        error.stackTrace().forEach(trace::add);
        return Json.write(cause);
    }

    /** The {@code arn:aws:states:::lambda:invoke} result around the function's payload. */
    static ObjectNode invokeResponse(JsonNode payload, String requestId) {
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        all.putArray("X-Amz-Executed-Version").add("$LATEST");
        all.putArray("x-amzn-Remapped-Content-Length").add("0");
        all.putArray("Connection").add("keep-alive");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("Content-Type").add("application/json");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }
}
