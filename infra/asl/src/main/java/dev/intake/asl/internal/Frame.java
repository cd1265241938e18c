package dev.intake.asl.internal;

/** Where a branch runs: its execution, its time and its event log. */
record Frame(Run run, Timeline timeline, EventLog log) {

    /** A child branch starting now, with its own time and log. */
    Frame fork() {
        return new Frame(run, timeline.fork(), new EventLog());
    }
}
