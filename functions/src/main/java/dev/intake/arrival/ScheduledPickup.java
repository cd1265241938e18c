package dev.intake.arrival;

import dev.intake.arrival.PickupDecision.Import;
import dev.intake.arrival.PickupDecision.NothingNew;
import dev.intake.arrival.PickupDecision.Skipped;
import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.port.RunStore;
import dev.intake.run.Run;
import dev.intake.run.SourceObject;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a job's schedule does when it fires: import the newest file under the job's prefix,
 * unless that file has been taken by a run already.
 *
 * <p>Only the newest file is ever considered. An older file that was never imported stays
 * untouched: importing it after a newer one would roll the destination back to older data. Such
 * files are imported by their upload event, or by hand.
 *
 * <p>Whether a file was taken is read from the job's runs (no separate store to keep in step):
 * a run whose source has the same key and the same version (the ETag where there is no
 * version) took it, whatever that run's outcome. A failed one is not tried again by the
 * schedule: a file problem would fail again, and other failures have their own reruns and a
 * manual retry. Only the job's {@value #RECENT_RUNS} latest runs are read: the newest file's
 * run, when there is one, is among them unless the job ran that many times since.
 *
 * <p>"Nothing new" leaves no run behind: it is returned, logged at INFO with the job and the
 * newest key, and counted by the caller ({@code intake serve} prints the count).
 */
public final class ScheduledPickup {

    static final int RECENT_RUNS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPickup.class);

    private final JobStore jobs;
    private final ObjectStore objects;
    private final RunStore runs;
    private final String bucket;
    private final RunOutputs outputs;

    public ScheduledPickup(JobStore jobs, ObjectStore objects, RunStore runs, String bucket,
            RunOutputs outputs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
    }

    public PickupDecision fire(String jobId) {
        PickupDecision decision = decide(jobId);
        if (!(decision instanceof Import)) {
            LOG.info("schedule.nothing_started jobId={} decision={} reason=\"{}\"", jobId,
                    decision.getClass().getSimpleName(), decision.message());
        }
        return decision;
    }

    private PickupDecision decide(String jobId) {
        Optional<Job> found = jobs.find(jobId);
        if (found.isEmpty() || found.get().status() != JobStatus.ACTIVE) {
            String status = found.map(ArrivalRouter::title).orElse("deleted");
            return new Skipped(jobId, "job " + jobId + " is " + status
                    + "; its schedule fired but only an Active job imports");
        }
        Job job = found.get();
        String prefix = job.definition().source().prefix();

        Optional<SourceObject> newest = newestFile(prefix);
        if (newest.isEmpty()) {
            return new NothingNew(jobId, null, null, "job " + jobId + ": no file under "
                    + prefix + " to import");
        }
        Optional<Run> taken = runOf(jobId, newest.get());
        if (taken.isPresent()) {
            return new NothingNew(jobId, newest.get().key(), taken.get().id(), "job " + jobId
                    + ": nothing new under " + prefix + "; the newest file "
                    + newest.get().key() + " was taken by run " + taken.get().id());
        }
        return new Import(job, newest.get());
    }

    private Optional<SourceObject> newestFile(String prefix) {
        return objects.list(bucket, prefix).stream()
                .filter(info -> !(info.key().endsWith("/") && info.size() == 0))
                .filter(info -> !outputs.contains(info.key()))
                .max(Comparator.comparing(ObjectInfo::lastModified)
                        .thenComparing(ObjectInfo::key))
                .map(info -> new SourceObject(info.bucket(), info.key(), info.version(),
                        info.etag(), info.size()));
    }

    private Optional<Run> runOf(String jobId, SourceObject object) {
        return runs.listByJob(jobId, RECENT_RUNS).stream()
                .filter(run -> run.source() != null && sameVersion(run.source(), object))
                .findFirst();
    }

    /** Same key, and the same version, or the same ETag where either has no version. */
    static boolean sameVersion(SourceObject a, SourceObject b) {
        if (!a.key().equals(b.key())) {
            return false;
        }
        if (a.version() != null && b.version() != null) {
            return a.version().equals(b.version());
        }
        return Objects.equals(a.etag(), b.etag());
    }
}
