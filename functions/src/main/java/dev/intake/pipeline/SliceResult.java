package dev.intake.pipeline;

import dev.intake.run.RunCounts;

/** What validating one slice found: its counts (read, valid, failed), never its records. */
public record SliceResult(String runId, int part, RunCounts counts) {}
