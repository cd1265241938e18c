/**
 * The Lambda handlers: each reads its JSON input into a record, calls one service of
 * {@code dev.intake.workflow}, {@code dev.intake.arrival} or {@code dev.intake.notify}, and writes
 * the result as JSON. A no-arg constructor builds the services for AWS; a constructor taking
 * {@link dev.intake.workflow.Services} serves the local runtime and the tests.
 */
package dev.intake.handler;
