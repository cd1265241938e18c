package dev.intake.aws.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops {@code Expect: 100-continue} from requests whose body is empty. The SDK asks for it on
 * every PutObject; with no body to hold back, the JDK's HttpURLConnection can fail the request
 * with "Error writing request body to server" when the server answers before the empty body
 * is sent (seen against s3proxy for the empty staging objects a clean run writes).
 */
final class NoExpectContinueOnEmptyBody implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
            ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        boolean empty = request.firstMatchingHeader("Content-Length")
                .map("0"::equals)
                .orElse(false)
                || context.requestBody()
                        .flatMap(body -> body.optionalContentLength())
                        .map(length -> length == 0L)
                        .orElse(false);
        if (!empty || request.firstMatchingHeader("Expect").isEmpty()) {
            return request;
        }
        return request.toBuilder().removeHeader("Expect").build();
    }
}
