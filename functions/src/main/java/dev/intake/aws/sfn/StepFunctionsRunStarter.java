package dev.intake.aws.sfn;

import dev.intake.port.RunStarter;
import dev.intake.run.SourceObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * Starts one Standard workflow execution per object version. The execution name is derived from
 * the job, bucket, key and version, and Step Functions keeps a Standard execution's name unique
 * for 90 days, so a redelivered S3 or EventBridge event cannot start a second run: StartExecution
 * either returns the first execution (same name, same input, still running) or fails with
 * ExecutionAlreadyExists (finished, or another input), which both mean "already started".
 */
public final class StepFunctionsRunStarter implements RunStarter {

    /** Step Functions allows 80 characters in a name. */
    private static final int NAME_LIMIT = 80;
    private static final int HASH_CHARS = 40;

    private final SfnClient sfn;
    private final String stateMachineArn;

    public StepFunctionsRunStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public Started start(String jobId, SourceObject source, String inputJson) {
        return startNamed(executionName(jobId, source), inputJson);
    }

    /**
     * Starts an execution called {@code name}, or reports the one that has that name already.
     * For callers that derive the name themselves (a rerun, a manual retry).
     */
    public Started startNamed(String name, String inputJson) {
        try {
            StartExecutionResponse response = sfn.startExecution(b -> b
                    .stateMachineArn(stateMachineArn)
                    .name(name)
                    .input(inputJson));
            return new Started(response.executionArn(), false);
        } catch (ExecutionAlreadyExistsException e) {
            return new Started(executionArn(name), true);
        }
    }

    /**
     * {@code <job id, trimmed>-<40 hex of SHA-256 over bucket, key and version>}: readable in the
     * console, within the 80-character limit, and only of characters names allow.
     */
    public static String executionName(String jobId, SourceObject source) {
        String identity = source.bucket() + "\n" + source.key() + "\n" + source.version();
        String hash = sha256(identity).substring(0, HASH_CHARS);
        String prefix = jobId.replaceAll("[^A-Za-z0-9_-]", "-");
        int room = NAME_LIMIT - HASH_CHARS - 1;
        if (prefix.length() > room) {
            prefix = prefix.substring(0, room);
        }
        return prefix + "-" + hash;
    }

    /** The ARN Step Functions gives the execution called {@code name} of this state machine. */
    String executionArn(String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
