/**
 * {@code intake serve}: the job schedules on the real clock and a watched bucket folder.
 *
 * <p>{@link dev.intake.local.serve.LocalServer} does one pass per tick: it mirrors the stored
 * schedules into an in-process scheduler, hands each complete new file of the bucket folder to
 * the {@link dev.intake.arrival.ArrivalRouter}, gives each due firing to the
 * {@link dev.intake.arrival.ScheduledPickup}, and starts a run through the
 * {@link dev.intake.local.serve.RunStarter} (the local runtime) for every import decided. A
 * one-time job is completed after its firing. {@link dev.intake.local.serve.ServeLoop} ticks
 * it once a second.
 *
 * <p>Choices: files are found by polling and taken when their size and time of change held
 * still over one poll; a firing that finds nothing new leaves no run, only an INFO log line and a
 * count printed when serving stops; the same object version, whether it arrives by the folder or
 * by a schedule, is imported once, because both start the execution named after that version.
 */
package dev.intake.local.serve;
