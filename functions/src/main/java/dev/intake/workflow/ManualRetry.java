package dev.intake.workflow;

import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a Failed or Halted run by hand (RetryRun): a new execution imports the same object
 * version as a new chain of attempts whose first run names the retried run in rerunOf.
 * Retrying the same run twice starts one execution.
 */
public final class ManualRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ManualRetry.class);

    private final Services services;

    public ManualRetry(Services services) {
        this.services = services;
    }

    public Retry retry(String runId) {
        Run run = services.runs().find(runId).orElseThrow(() -> new RunNotRetriableException(
                "Run " + runId + " does not exist; list a job's runs with intake runs list JOB"));
        if (run.status() != RunStatus.FAILED && run.status() != RunStatus.HALTED) {
            throw new RunNotRetriableException("Run " + runId + " is " + run.status().label()
                    + "; only a failed or halted run can be retried");
        }

        String name = RunNames.manualRetryExecution(run.jobId(), run.id());
        WorkflowStarter.Start start = services.workflows().start(name,
                new RunRequest(Trigger.MANUAL_RETRY, run.jobId(), run.source(), run.id()));
        LOG.info("run.retry runId={} executionName={} started={}", runId, name, start.started());
        return new Retry(runId, RunNames.runId(name, 1), name, start.executionId(),
                start.started());
    }

    /**
     * @param runId    the new run (attempt 1 of the retry)
     * @param started  false when this run had been retried already; that retry is reported
     */
    public record Retry(
            String retriedRunId,
            String runId,
            String executionName,
            String executionId,
            boolean started) {}
}
