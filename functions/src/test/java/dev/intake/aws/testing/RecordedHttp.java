package dev.intake.aws.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.intake.aws.AwsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * WireMock on 127.0.0.1 for the services no emulator covers (Scheduler, the Step Functions API)
 * and for failures an emulator cannot produce (SES throttling and sandbox refusals). Tests check
 * the exact JSON the SDK sends.
 */
public final class RecordedHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordedHttp() {}

    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** A config whose {@code service} endpoint is the WireMock server. */
    public static AwsConfig config(WireMockExtension server, AwsConfig.Service service,
                                   Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(variables);
        all.put("AWS_REGION", "eu-west-1");
        all.put("AWS_ACCESS_KEY_ID", "test");
        all.put("AWS_SECRET_ACCESS_KEY", "test");
        all.put(AwsConfig.ENDPOINT_PREFIX + service.name(), server.baseUrl());
        return AwsConfig.from(all);
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body without the idempotency token the SDK generates afresh for every call. */
    public static JsonNode withoutClientToken(String body) {
        ObjectNode node = (ObjectNode) json(body);
        node.remove("ClientToken");
        return node;
    }
}
