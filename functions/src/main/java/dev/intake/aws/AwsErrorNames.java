package dev.intake.aws;

import java.util.Map;

/**
 * Names an SDK exception the way Step Functions names an {@code aws-sdk:*} task error:
 * {@code <Service>.<SDK v2 exception simple name>}, such as {@code DynamoDb.ResourceNotFoundException}
 * or {@code S3.NoSuchKeyException}. Handlers put this name in the failure reason they surface, so
 * that a Retry or Catch written against the service integration names matches ours too.
 */
public final class AwsErrorNames {

    /** SDK package of each service to the prefix Step Functions uses (the client's name). */
    private static final Map<String, String> SERVICES = Map.of(
            "software.amazon.awssdk.services.s3", "S3",
            "software.amazon.awssdk.services.dynamodb", "DynamoDb",
            "software.amazon.awssdk.services.sesv2", "SesV2",
            "software.amazon.awssdk.services.scheduler", "Scheduler",
            "software.amazon.awssdk.services.sfn", "Sfn");

    private AwsErrorNames() {}

    /** The ASL error name of {@code error}, or its class simple name if it is not a service's. */
    public static String of(Throwable error) {
        String packageName = error.getClass().getPackageName();
        String servicePackage = packageName.endsWith(".model")
                ? packageName.substring(0, packageName.length() - ".model".length())
                : packageName;
        String service = SERVICES.get(servicePackage);
        String name = error.getClass().getSimpleName();
        return service == null ? name : service + "." + name;
    }
}
