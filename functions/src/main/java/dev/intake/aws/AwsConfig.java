package dev.intake.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the AWS adapters read from the environment, read in this one place. The template
 * sets these variables on every function; tests build a config from a map instead.
 *
 * <p>A missing variable is reported when an adapter first needs it, not at start-up, because each
 * function needs only some of them.
 */
public final class AwsConfig {

    public static final String REGION = "AWS_REGION";
    public static final String TABLE = "INTAKE_TABLE";
    public static final String DESTINATION_TABLE_PREFIX = "INTAKE_DESTINATION_TABLE_PREFIX";
    public static final String BUCKET = "INTAKE_BUCKET";
    public static final String STATE_MACHINE_ARN = "INTAKE_STATE_MACHINE_ARN";
    public static final String SCHEDULE_GROUP = "INTAKE_SCHEDULE_GROUP";
    public static final String SCHEDULER_ROLE_ARN = "INTAKE_SCHEDULER_ROLE_ARN";
    public static final String SENDER = "INTAKE_SENDER";
    public static final String FAILED_RECORDS_PREFIX = "INTAKE_FAILED_RECORDS_PREFIX";
    public static final String STAGING_PREFIX = "INTAKE_STAGING_PREFIX";
    /** Prefix of the endpoint overrides, for example {@code INTAKE_ENDPOINT_DYNAMODB}. */
    public static final String ENDPOINT_PREFIX = "INTAKE_ENDPOINT_";

    /** The services whose endpoint a test (or a LocalStack run) may override. */
    public enum Service { S3, DYNAMODB, SES, SCHEDULER, SFN }

    private final Map<String, String> variables;

    private AwsConfig(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static AwsConfig fromEnvironment() {
        return new AwsConfig(System.getenv());
    }

    public static AwsConfig from(Map<String, String> variables) {
        return new AwsConfig(variables);
    }

    public String region() {
        return require(REGION);
    }

    /** The one table holding jobs, runs and their status histories. */
    public String table() {
        return require(TABLE);
    }

    /** Destination tables are named this prefix plus the job's {@code destination.table}. */
    public String destinationTablePrefix() {
        return variables.getOrDefault(DESTINATION_TABLE_PREFIX, "");
    }

    public String bucket() {
        return require(BUCKET);
    }

    public String stateMachineArn() {
        return require(STATE_MACHINE_ARN);
    }

    /**
     * The state machine's ARN where the template sets it: on the functions that start runs, not
     * on the workflow's own tasks (referencing it there would be a cycle in the template).
     */
    public Optional<String> stateMachineArnIfSet() {
        return Optional.ofNullable(variables.get(STATE_MACHINE_ARN)).filter(v -> !v.isBlank());
    }

    public String scheduleGroup() {
        return require(SCHEDULE_GROUP);
    }

    public String schedulerRoleArn() {
        return require(SCHEDULER_ROLE_ARN);
    }

    /** The verified SES identity notifications are sent from. */
    public String sender() {
        return require(SENDER);
    }

    /**
     * Key prefixes of the objects Intake writes itself (failed records, staging). An event for a
     * key under one of them is never an arrival, even when a job watches a prefix above them.
     */
    public List<String> internalPrefixes() {
        return List.of(variables.getOrDefault(FAILED_RECORDS_PREFIX, "failed-records/"),
                variables.getOrDefault(STAGING_PREFIX, "staging/"));
    }

    public Optional<URI> endpoint(Service service) {
        return Optional.ofNullable(variables.get(ENDPOINT_PREFIX + service.name()))
                .filter(value -> !value.isBlank())
                .map(URI::create);
    }

    /**
     * Static credentials from the standard variables. The Lambda runtime sets them, so the SDK
     * never walks its provider chain or asks the instance metadata service.
     */
    public Credentials credentials() {
        return new Credentials(
                require("AWS_ACCESS_KEY_ID"),
                require("AWS_SECRET_ACCESS_KEY"),
                variables.get("AWS_SESSION_TOKEN"));
    }

    private String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingConfigurationException(name);
        }
        return value;
    }

    /** Credentials as read; {@code toString} leaves the secrets out. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + "]";
        }
    }

    /** A variable the adapter needs is not set: the deployment is incomplete. */
    public static final class MissingConfigurationException extends RuntimeException {

        public MissingConfigurationException(String variable) {
            super("environment variable " + variable + " is not set; template.yaml sets it on "
                    + "every function, so deploy with sam deploy or set it for a local run");
        }
    }
}
