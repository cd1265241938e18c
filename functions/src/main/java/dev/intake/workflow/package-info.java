/**
 * The import-run workflow's services: starting an attempt and resuming a rerun where the failed
 * attempt stopped ({@link dev.intake.workflow.AttemptStarter}), the work steps over the record
 * pipeline ({@link dev.intake.workflow.AttemptSteps}), recording a failed attempt
 * ({@link dev.intake.workflow.FailureRecorder}), halting a job
 * ({@link dev.intake.workflow.HaltService}), retries by hand and reactivation. The Lambda handlers
 * in {@code dev.intake.handler} call these; {@code statemachine/import-run.asl.json} orders them,
 * and docs/workflow.md explains how.
 */
package dev.intake.workflow;
