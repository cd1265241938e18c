package dev.intake.workflow;

import dev.intake.job.Job;
import dev.intake.port.JobStore;
import java.util.Comparator;
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
     * The job whose source prefix the key starts with; when prefixes nest, the longest wins, so
     * {@code incoming/stores/eu/} takes its files from {@code incoming/stores/}.
     * SHORTCUT: reads every job, which suits the tens of jobs a team defines; ends with an index
     * of jobs by prefix when there are more.
     */
    public Optional<Job> forKey(String key) {
        return jobs.list().stream()
                .filter(job -> ownsKey(job, key))
                .max(Comparator.comparingInt(job -> job.definition().source().prefix().length()));
    }

    private static boolean ownsKey(Job job, String key) {
        var source = job.definition().source();
        return source != null && source.prefix() != null && key.startsWith(source.prefix());
    }
}
