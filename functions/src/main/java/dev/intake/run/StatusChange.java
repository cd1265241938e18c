package dev.intake.run;

import java.time.Instant;

/** One stored change of a job's or a run's status: to what, when, and who or what caused it. */
public record StatusChange(String status, Instant at, String cause) {}
