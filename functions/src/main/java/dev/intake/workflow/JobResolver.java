package dev.intake.workflow;

import dev.intake.arrival.ArrivalRouter;
import dev.intake.job.Job;
import dev.intake.port.JobStore;
import java.util.Optional;

/** Finds the job a request or an object belongs to. */
public final class JobResolver {

    private final JobStore jobs;

    public JobResolver(JobStore jobs) {
        this.jobs = jobs;
    }

    /** The job named by the request, or else the one that owns the request's object key. */
    public Optional<Job> forRequest(RunRequest request) {
        if (request.jobId() != null) {
            return jobs.find(request.jobId());
        }
        return forKey(request.source().key());
    }

    /**
     * The job that owns the key, by the arrival rule ({@link ArrivalRouter#ownerOf}).
     * SHORTCUT: reads every job, which suits the tens of jobs a team defines; ends with an index
     * of jobs by prefix when there are more.
     */
    public Optional<Job> forKey(String key) {
        return ArrivalRouter.ownerOf(key, jobs.list());
    }
}
