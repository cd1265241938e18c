/**
 * EventBridge Scheduler's schedule expressions, evaluated in plain Java, and the in-process
 * scheduler that stands in for the service locally.
 *
 * <p>{@link dev.intake.schedule.ScheduleExpression#parse} reads {@code rate(...)},
 * {@code cron(...)} and {@code at(...)} and refuses, with the field and the fix, what AWS refuses.
 * {@code nextAfter} and {@code next} give fire times in a {@link dev.intake.schedule.ScheduleWindow}
 * (time zone, start, end).
 *
 * <p>Daylight saving follows the EventBridge Scheduler user guide: a cron time that the clocks
 * skip in spring does not run that day; a cron time that occurs twice in autumn runs once, at its
 * first occurrence; {@code rate(1 day)} is 24 hours of elapsed time. The guide says nothing about
 * one-time schedules; here a skipped {@code at} time runs late by the length of the gap and a
 * repeated one at its first occurrence, so that a one-time run is never lost.
 *
 * <p>Where the guide leaves the cron dialect open, the parser refuses rather than guesses, so that
 * what works locally deploys: ranges that run backwards, {@code L-n}, and {@code L}, {@code W} or
 * {@code #} inside lists. Accepted beyond the guide's examples, as in the Quartz dialect AWS's cron
 * descends from: {@code *}{@code /n} steps, lower-case names, {@code nW} never leaving its month.
 *
 * <p>{@link dev.intake.schedule.ScheduleRunner} decides what is due when ticked with the time;
 * {@link dev.intake.schedule.InProcessJobSchedules} implements the
 * {@link dev.intake.port.JobSchedules} port on it; {@link dev.intake.schedule.SchedulerLoop} ticks
 * it from a thread.
 */
package dev.intake.schedule;
