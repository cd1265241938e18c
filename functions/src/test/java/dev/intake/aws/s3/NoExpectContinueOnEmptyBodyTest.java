package dev.intake.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class NoExpectContinueOnEmptyBodyTest {

    private final NoExpectContinueOnEmptyBody interceptor = new NoExpectContinueOnEmptyBody();

    @Test
    void anEmptyPutLosesItsExpectHeader() {
        SdkHttpRequest sent = modify(put("0"));

        assertThat(sent.firstMatchingHeader("Expect")).isEmpty();
        assertThat(sent.firstMatchingHeader("Content-Length")).contains("0");
    }

    @Test
    void aPutWithABodyKeepsIt() {
        SdkHttpRequest sent = modify(put("12"));

        assertThat(sent.firstMatchingHeader("Expect")).contains("100-continue");
    }

    private SdkHttpRequest modify(SdkHttpRequest request) {
        return interceptor.modifyHttpRequest(new Context.ModifyHttpRequest() {
            @Override
            public SdkHttpRequest httpRequest() {
                return request;
            }

            @Override
            public Optional<software.amazon.awssdk.core.sync.RequestBody> requestBody() {
                return Optional.empty();
            }

            @Override
            public Optional<software.amazon.awssdk.core.async.AsyncRequestBody>
                    asyncRequestBody() {
                return Optional.empty();
            }

            @Override
            public SdkRequest request() {
                return null;
            }
        }, new ExecutionAttributes());
    }

    private static SdkHttpRequest put(String contentLength) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create("http://127.0.0.1:9/bucket/key"))
                .putHeader("Content-Length", contentLength)
                .putHeader("Expect", "100-continue")
                .build();
    }
}
