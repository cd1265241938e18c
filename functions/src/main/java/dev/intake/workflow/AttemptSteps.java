package dev.intake.workflow;

import dev.intake.pipeline.ImportStep;
import dev.intake.pipeline.ProcessStep;
import dev.intake.pipeline.RunRef;
import dev.intake.pipeline.StepResult;
import dev.intake.pipeline.ValidateStep;
import dev.intake.port.DestinationStore;
import dev.intake.read.FileProblem;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.workflow.AttemptState.Outcome;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The work tasks of an attempt (Validate, Process, Import, FinishRun) over the record pipeline.
 * Each returns the state with the next task to run, chosen from the run's status; a step that
 * fails for a reason worth retrying throws, and the state machine records and reruns it.
 */
public final class AttemptSteps {

    private static final Set<String> FILE_PROBLEMS = Arrays.stream(FileProblem.values())
            .map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final Services services;
    private final ValidateStep validate;
    private final ProcessStep process;
    private final ImportStep importStep;

    public AttemptSteps(Services services) {
        this.services = services;
        this.validate = new ValidateStep(services.objects(), services.runs(), services.jobs(),
                services.clock());
        this.process = new ProcessStep(services.objects(), services.runs(), services.jobs(),
                services.clock());
        this.importStep = new ImportStep(services.objects(), faultyDestinations(services),
                services.runs(), services.jobs(), services.clock());
    }

    public AttemptState validate(AttemptState state) {
        return perform(Step.VALIDATE, state, validate::run);
    }

    public AttemptState process(AttemptState state) {
        return perform(Step.PROCESS, state, process::run);
    }

    public AttemptState importRecords(AttemptState state) {
        return perform(Step.IMPORT, state, importStep::run);
    }

    /** Reports how the attempt ended; the run is final by now. */
    public AttemptState finish(AttemptState state) {
        services.faults().beforeStep(Step.FINISH, state.runId());
        Run run = services.runs().find(state.runId()).orElseThrow(() -> new IllegalStateException(
                "Run " + state.runId() + " disappeared before FinishRun"));
        if (!run.status().isFinal()) {
            throw new IllegalStateException("Run " + run.id() + " is still " + run.status().label()
                    + " at FinishRun; a step returned before ending it");
        }
        return state.then(run.status(), Step.END, outcomeOf(run), run.counts());
    }

    private AttemptState perform(Step step, AttemptState state,
            Function<RunRef, StepResult> work) {
        services.faults().beforeStep(step, state.runId());
        StepResult result = work.apply(new RunRef(state.runId()));
        if (result.status() == state.status()) {
            throw new IllegalStateException("Run " + state.runId() + " is still "
                    + result.status().label() + " after step "
                    + step.name().toLowerCase(Locale.ROOT) + "; refusing to run the step again");
        }
        return state.then(result.status(), nextStep(result.status()), Outcome.RUNNING,
                result.counts());
    }

    private static Step nextStep(RunStatus status) {
        return switch (status) {
            case VALIDATING -> Step.VALIDATE;
            case PROCESSING -> Step.PROCESS;
            case IMPORTING -> Step.IMPORT;
            case COMPLETED, PARTIALLY_COMPLETED, FAILED, HALTED -> Step.FINISH;
        };
    }

    private static Outcome outcomeOf(Run run) {
        return switch (run.status()) {
            case COMPLETED -> Outcome.COMPLETED;
            case PARTIALLY_COMPLETED -> Outcome.PARTIALLY_COMPLETED;
            case FAILED, HALTED -> isFileProblem(run) ? Outcome.FILE_REJECTED
                    : Outcome.ROWS_REJECTED;
            case VALIDATING, PROCESSING, IMPORTING -> throw new IllegalStateException(
                    "run " + run.id() + " is not final");
        };
    }

    private static boolean isFileProblem(Run run) {
        return run.reason() != null && FILE_PROBLEMS.contains(run.reason().code());
    }

    /** The destination as the Import step sees it: with a mid-import crash when one is due. */
    private static DestinationStore faultyDestinations(Services services) {
        DestinationStore real = services.destinations();
        return (job, runId) -> services.faults().duringImport(runId, real.open(job, runId));
    }
}
