package dev.intake.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings the workflow services share, read once where the services are built.
 *
 * @param bucket              the bucket files arrive in and run outputs are written to
 * @param outputPrefixes      key prefixes Intake writes to itself (failed records, staging);
 *                            objects under them never start a run, even under a watched prefix
 * @param rerunInterval       the wait between reruns; must equal the state machine's Retry
 *                            IntervalSeconds, since it is only used to tell people when
 * @param maxAttempts         the first attempt and its reruns (6 = 1 + Retry MaxAttempts 5)
 * @param linkValidity        how long a failed-records link in an email works
 */
public record WorkflowConfig(
        String bucket,
        List<String> outputPrefixes,
        Duration rerunInterval,
        int maxAttempts,
        Duration linkValidity) {

    public static final String FAILED_RECORDS_PREFIX = "failed-records/";
    public static final String STAGING_PREFIX = "staging/";

    public WorkflowConfig {
        Objects.requireNonNull(bucket, "bucket");
        outputPrefixes = List.copyOf(outputPrefixes);
        Objects.requireNonNull(rerunInterval, "rerunInterval");
        Objects.requireNonNull(linkValidity, "linkValidity");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was "
                    + maxAttempts);
        }
    }

    /** The settings the state machine in statemachine/import-run.asl.json is written for. */
    public static WorkflowConfig defaults(String bucket) {
        return new WorkflowConfig(bucket, List.of(FAILED_RECORDS_PREFIX, STAGING_PREFIX),
                Duration.ofSeconds(900), 6, Duration.ofDays(7));
    }

    /** True for keys Intake wrote itself, which must not start a run (no loops). */
    public boolean isOutputKey(String key) {
        return outputPrefixes.stream().anyMatch(key::startsWith);
    }
}
