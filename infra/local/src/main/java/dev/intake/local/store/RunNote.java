package dev.intake.local.store;

import java.time.Instant;

/** A problem recorded on a run without changing its status, such as a refused email. */
public record RunNote(String code, String message, Instant at) {}
