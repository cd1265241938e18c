package dev.intake.run;

/** What started a run. */
public enum Trigger { UPLOAD, SCHEDULE, RERUN, MANUAL_RETRY, REACTIVATION }
