/**
 * Sampling: what a file would become under a job, before the job is activated.
 *
 * <p>{@link dev.intake.sampling.SampleService} moves the job Draft (or Sampling failed) to
 * Sampling, runs the pipeline's own validate, process and import steps on the sample with a
 * sandbox object store and run store and a destination that writes nothing, and moves the job
 * back to Draft with a summary, or to Sampling failed with the reader's reason when the file is
 * not readable as the job's format (encoding, missing columns, empty, ambiguous header).
 *
 * <p>Choices: the counts and the errors are those of the real steps, read back from the
 * failed-records file the sandbox run writes; the sandbox run is never stored, so a sample is
 * not a run in the job's history. A second and later error of one row carries no code, because
 * the failed-records file keeps only the first row error's code.
 */
package dev.intake.sampling;
