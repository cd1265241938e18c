package dev.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import dev.intake.workflow.AttemptInput;
import dev.intake.workflow.AttemptState;
import dev.intake.workflow.FailureInput;
import dev.intake.workflow.HaltInput;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Step;
import dev.intake.workflow.WorkflowJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample events under infra/events (for sam local invoke) read as their handlers' input. */
class SampleEventsTest {

    private static final Path EVENTS = Path.of("../infra/events");
    private static final ObjectMapper JSON = WorkflowJson.mapper();
    private static final String EXECUTION = "store-locations-4f1c2a9b8e7d6c5b4a39";

    private static <T> T read(String file, Class<T> type) throws IOException {
        return JSON.readValue(EVENTS.resolve(file).toFile(), type);
    }

    @Test
    void startRunIsTheFirstAttemptOfItsExecution() throws IOException {
        AttemptInput input = read("start-run.json", AttemptInput.class);

        assertThat(input.attempt()).isEqualTo(1);
        assertThat(input.runId()).isEqualTo(EXECUTION + "-1");
        assertThat(input.request().trigger()).isEqualTo(Trigger.UPLOAD);
    }

    @Test
    void attemptStateNamesTheStepToRun() throws IOException {
        AttemptState state = read("attempt-state.json", AttemptState.class);

        assertThat(state.status()).isEqualTo(RunStatus.VALIDATING);
        assertThat(state.next()).isEqualTo(Step.VALIDATE);
    }

    @Test
    void recordFailureCarriesTheErrorAsACatchWritesIt() throws IOException {
        FailureInput input = read("record-failure.json", FailureInput.class);

        assertThat(input.error().error())
                .isEqualTo("dev.intake.workflow.DependencyUnavailableException");
        assertThat(input.error().message()).isEqualTo("table intake-runs is throttled");
    }

    @Test
    void haltNamesTheChainOfAttempts() throws IOException {
        HaltInput input = read("halt.json", HaltInput.class);

        assertThat(input.executionName()).isEqualTo(EXECUTION);
        assertThat(input.error().message()).isEqualTo("table intake-runs is throttled");
    }

    @Test
    void theOtherEventsNameTheirRunOrJob() throws IOException {
        assertThat(read("notify.json", NotifyHandler.Input.class).runId())
                .isEqualTo(EXECUTION + "-1");
        assertThat(read("retry-run.json", RetryRunHandler.Input.class).runId())
                .isEqualTo(EXECUTION + "-6");
        assertThat(read("reactivate-job.json", ReactivateJobHandler.Input.class).jobId())
                .isEqualTo("store-locations");
        assertThat(read("schedule.json", RunRequest.class))
                .isEqualTo(new RunRequest(Trigger.SCHEDULE, "store-locations", null, null));
    }
}
