package dev.intake.arrival;

import dev.intake.workflow.WorkflowConfig;
import java.util.List;

/**
 * Where runs write their own objects (the failed-records files and the staging objects of the
 * pipeline steps). An object under these prefixes is never a file to import, whatever job's
 * prefix it also falls under: importing it would make a job trigger itself (R6).
 */
public record RunOutputs(List<String> prefixes) {

    /** The prefixes the pipeline steps write under, as the workflow knows them. */
    public static final RunOutputs DEFAULT = new RunOutputs(List.of(
            WorkflowConfig.STAGING_PREFIX, WorkflowConfig.FAILED_RECORDS_PREFIX));

    public RunOutputs {
        prefixes = List.copyOf(prefixes);
        for (String prefix : prefixes) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("a run output prefix must not be empty: it "
                        + "would make every object an output");
            }
        }
    }

    public boolean contains(String key) {
        return prefixes.stream().anyMatch(key::startsWith);
    }
}
