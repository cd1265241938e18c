package dev.intake.aws;

import dev.intake.aws.AwsConfig.Service;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients, each built once per Lambda container on first use and then reused by every
 * invocation: building a client costs far more than a call.
 *
 * <p>Every client uses the URL-connection HTTP client (the fewest classes to load at cold start),
 * the region and credentials from {@link AwsConfig}, and the endpoint override the config gives.
 */
public final class AwsClients {

    private static final class Shared {
        static final AwsClients INSTANCE = new AwsClients(AwsConfig.fromEnvironment());
    }

    private final AwsConfig config;
    private final Supplier<S3Client> s3 = memoize(this::buildS3);
    private final Supplier<S3Presigner> presigner = memoize(this::buildPresigner);
    private final Supplier<DynamoDbClient> dynamoDb = memoize(this::buildDynamoDb);
    private final Supplier<SesV2Client> ses = memoize(this::buildSes);
    private final Supplier<SchedulerClient> scheduler = memoize(this::buildScheduler);
    private final Supplier<SfnClient> sfn = memoize(this::buildSfn);

    public AwsClients(AwsConfig config) {
        this.config = config;
    }

    /** The clients of this container, configured from the environment. */
    public static AwsClients shared() {
        return Shared.INSTANCE;
    }

    public AwsConfig config() {
        return config;
    }

    public S3Client s3() {
        return s3.get();
    }

    public S3Presigner s3Presigner() {
        return presigner.get();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public SesV2Client ses() {
        return ses.get();
    }

    public SchedulerClient scheduler() {
        return scheduler.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    /**
     * With an endpoint override (an emulator or LocalStack, over plain HTTP), buckets are served
     * by path, not by host name, and bodies are signed whole instead of in aws-chunked encoding.
     * s3proxy answers a chunked PUT of an empty object before it has read the body's closing
     * chunk and checksum trailer, and closes the connection; the client, still writing them,
     * fails with "Error writing request body to server". Here that hit one empty object in 250
     * to 500, on all three attempts the SDK makes. Real S3 reads the whole body before it answers.
     */
    private S3Client buildS3() {
        boolean emulated = config.endpoint(Service.S3).isPresent();
        var builder = S3Client.builder()
                .forcePathStyle(emulated)
                .serviceConfiguration(S3Configuration.builder()
                        .chunkedEncodingEnabled(!emulated)
                        .build());
        return configure(builder, Service.S3).build();
    }

    private S3Presigner buildPresigner() {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.endpoint(Service.S3).isPresent())
                        .build());
        config.endpoint(Service.S3).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private DynamoDbClient buildDynamoDb() {
        return configure(DynamoDbClient.builder(), Service.DYNAMODB).build();
    }

    /**
     * SES calls are retried by {@link dev.intake.aws.ses.SesMailer} alone, with its own backoff,
     * so that throttling is retried by one owner and a send is never multiplied.
     */
    private SesV2Client buildSes() {
        return configure(SesV2Client.builder(), Service.SES)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private SchedulerClient buildScheduler() {
        return configure(SchedulerClient.builder(), Service.SCHEDULER).build();
    }

    private SfnClient buildSfn() {
        return configure(SfnClient.builder(), Service.SFN).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Service service) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        Optional<URI> endpoint = config.endpoint(service);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private StaticCredentialsProvider credentials() {
        AwsConfig.Credentials read = config.credentials();
        AwsCredentials credentials = read.sessionToken() == null
                ? AwsBasicCredentials.create(read.accessKeyId(), read.secretAccessKey())
                : AwsSessionCredentials.create(
                        read.accessKeyId(), read.secretAccessKey(), read.sessionToken());
        return StaticCredentialsProvider.create(credentials);
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
