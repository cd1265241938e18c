package dev.intake.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.aws.AwsConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * The same services from one LocalStack container, for machines with Docker
 * ({@code mvn -Plocalstack verify}). Used by the same test classes as {@link LocalEmulators}.
 */
final class LocalStackBackend implements AwsServicesExtension.Backend {

    /** The image tag the profile pins; override with -Dintake.localstack.image. */
    private static final String IMAGE = System.getProperty(
            "intake.localstack.image", "localstack/localstack:4.4");

    private final LocalStackContainer container;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    @SuppressWarnings("resource") // closed by close(), which JUnit calls at the end of the run
    static LocalStackBackend start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.DYNAMODB,
                        LocalStackContainer.Service.SES);
        container.start();
        return new LocalStackBackend(container);
    }

    @Override
    public String name() {
        return "localstack";
    }

    @Override
    public AwsConfig config(Map<String, String> variables) {
        String endpoint = container.getEndpoint().toString();
        Map<String, String> all = new HashMap<>(variables);
        all.put("AWS_REGION", container.getRegion());
        all.put("AWS_ACCESS_KEY_ID", container.getAccessKey());
        all.put("AWS_SECRET_ACCESS_KEY", container.getSecretKey());
        for (AwsConfig.Service service : List.of(AwsConfig.Service.S3,
                AwsConfig.Service.DYNAMODB, AwsConfig.Service.SES)) {
            all.put(AwsConfig.ENDPOINT_PREFIX + service.name(), endpoint);
        }
        return AwsConfig.from(all);
    }

    /** LocalStack, like SES, refuses a sender that is not a verified identity. */
    @Override
    public void allowSender(String address) {
        try (var clients = clients(Map.of()).ses()) {
            clients.createEmailIdentity(b -> b.emailIdentity(address));
        } catch (AlreadyExistsException verifiedBefore) {
            // Verified by an earlier test.
        }
    }

    /** LocalStack lists the emails it accepted at /_aws/ses. */
    @Override
    public List<SentMail> sentMail() {
        JsonNode messages = LocalEmulators.getJson(container.getEndpoint().resolve("/_aws/ses"))
                .path("messages");
        List<SentMail> mails = new ArrayList<>();
        for (JsonNode message : messages) {
            List<String> to = new ArrayList<>();
            message.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
            mails.add(new SentMail(message.path("Source").asText(), to,
                    message.path("Subject").asText(), message.path("Body").path("text_part").asText(),
                    message.path("Body").path("html_part").asText()));
        }
        return mails;
    }

    @Override
    public void close() {
        container.stop();
    }
}
