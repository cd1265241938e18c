package dev.intake.pipeline;

/** Which run a step works on: all else (job, source object, counts) is read from the stores. */
public record RunRef(String runId) {

    public RunRef {
        java.util.Objects.requireNonNull(runId, "runId");
    }
}
