package dev.intake.workflow;

import dev.intake.run.SourceObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names derived from what a run imports, so that the same request always gets the same name.
 *
 * <p>An execution name identifies a chain of attempts: attempt {@code n} of the chain started by
 * execution {@code E} is run {@code E-n}. Upload executions are named after the job and the
 * object version, so the same version delivered three times maps to one execution and one run.
 * Step Functions names allow 80 characters of {@code [A-Za-z0-9-_]}.
 */
public final class RunNames {

    private static final int MAX_JOB_PART = 50;
    private static final int DIGEST_HEX = 20;

    private RunNames() {
    }

    /** The execution that imports this version of this object for this job. */
    public static String uploadExecution(String jobId, SourceObject source) {
        return jobPart(jobId) + "-" + digest("upload", source.bucket(), source.key(),
                versionOf(source));
    }

    /**
     * The execution that imports a file kept pending while its job was stopped. Not the upload
     * name: an upload execution may have run already and skipped the file because the job had
     * just stopped, and an execution name cannot be used twice.
     */
    public static String reactivationExecution(String jobId, SourceObject source) {
        return jobPart(jobId) + "-pending-" + digest("reactivation", source.bucket(),
                source.key(), versionOf(source));
    }

    /** The execution that retries run {@code runId} by hand; retrying it twice starts one. */
    public static String manualRetryExecution(String jobId, String runId) {
        return jobPart(jobId) + "-retry-" + digest("manual-retry", runId);
    }

    /** Attempt {@code attempt} (1 to 6) of the chain driven by execution {@code executionName}. */
    public static String runId(String executionName, int attempt) {
        return executionName + "-" + attempt;
    }

    /** The version id, or the ETag for an unversioned bucket. */
    public static String versionOf(SourceObject source) {
        return source.version() != null ? source.version() : source.etag();
    }

    private static String jobPart(String jobId) {
        return jobId.length() <= MAX_JOB_PART ? jobId : jobId.substring(0, MAX_JOB_PART);
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
