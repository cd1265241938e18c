package dev.intake.arrival;

import dev.intake.arrival.ArrivalDecision.Ignored;
import dev.intake.arrival.ArrivalDecision.Import;
import dev.intake.arrival.ArrivalDecision.JobCompleted;
import dev.intake.arrival.ArrivalDecision.KeptUntilActive;
import dev.intake.arrival.ArrivalDecision.NoJob;
import dev.intake.arrival.ArrivalDecision.Pending;
import dev.intake.arrival.ArrivalDecision.Why;
import dev.intake.job.Job;
import dev.intake.port.JobStore;
import dev.intake.port.PendingFiles;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.SourceObject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of an object that arrived in the bucket: started as a run of the job
 * whose prefix holds it, kept, recorded as pending, or ignored. Records a pending file itself;
 * starting the run is the caller's (the workflow on AWS, {@code intake serve} locally), which
 * also makes a second delivery of the same object version start nothing.
 *
 * <p>When prefixes nest ({@code incoming/} and {@code incoming/stores/}), the longest one that
 * holds the key names the job.
 */
public final class ArrivalRouter {

    private static final Logger LOG = LoggerFactory.getLogger(ArrivalRouter.class);

    private final JobStore jobs;
    private final PendingFiles pendingFiles;
    private final RunOutputs outputs;
    private final Clock clock;

    public ArrivalRouter(JobStore jobs, PendingFiles pendingFiles, RunOutputs outputs,
            Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.pendingFiles = Objects.requireNonNull(pendingFiles, "pendingFiles");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ArrivalDecision route(SourceObject object) {
        ArrivalDecision decision = decide(object);
        log(decision);
        return decision;
    }

    private ArrivalDecision decide(SourceObject object) {
        if (object.key().endsWith("/") && object.size() == 0) {
            return new Ignored(object, Why.FOLDER_MARKER, object.key()
                    + " is a folder marker, not a file; nothing to import");
        }
        if (outputs.contains(object.key())) {
            return new Ignored(object, Why.RUN_OUTPUT, object.key() + " was written by a run "
                    + "(failed records or staging); it is not imported again");
        }
        List<Job> all = jobs.list();
        Optional<Job> owner = ownerOf(object.key(), all);
        if (owner.isEmpty()) {
            return noJob(object, all);
        }
        return byStatus(owner.get(), object);
    }

    private ArrivalDecision byStatus(Job job, SourceObject object) {
        String id = job.id();
        return switch (job.status()) {
            case ACTIVE -> new Import(job, object);
            case DRAFT, SAMPLING, SAMPLING_FAILED -> new KeptUntilActive(id, job.status(), object,
                    "job " + id + " is " + title(job) + "; the file " + object.key()
                            + " is kept; activate the job to import it");
            case PAUSED, HALTED -> pending(job, object);
            case COMPLETED -> new JobCompleted(id, object, "job " + id + " is Completed (a "
                    + "one-time job that has run); the file " + object.key() + " is kept and not"
                    + " imported; create a new job to import it");
        };
    }

    private Pending pending(Job job, SourceObject object) {
        pendingFiles.add(job.id(), new PendingFile(object, clock.instant()));
        return new Pending(job.id(), job.status(), object, "job " + job.id() + " is "
                + title(job) + "; the file " + object.key() + " is pending and will be "
                + "imported, in arrival order, when the job is reactivated");
    }

    private static NoJob noJob(SourceObject object, List<Job> all) {
        List<String> prefixes = all.stream().map(ArrivalRouter::prefixOf).filter(Objects::nonNull)
                .distinct().sorted().toList();
        String known = prefixes.isEmpty() ? "there are no jobs yet"
                : "the job prefixes are " + String.join(", ", prefixes);
        String closest = closest(object.key(), prefixes).map(p -> " (closest: " + p + ")")
                .orElse("");
        return new NoJob(object, prefixes, "no job's prefix holds " + object.key() + closest
                + "; " + known + ". Upload the file under its job's prefix, or create a job for"
                + " it");
    }

    /** The prefix sharing the longest start with the key: likely the one a person meant. */
    private static Optional<String> closest(String key, List<String> prefixes) {
        return prefixes.stream()
                .filter(prefix -> commonStart(key, prefix) > 0)
                .max(Comparator.comparingInt((String prefix) -> commonStart(key, prefix))
                        .thenComparing(Comparator.<String>reverseOrder()));
    }

    private static int commonStart(String a, String b) {
        int length = 0;
        while (length < Math.min(a.length(), b.length())
                && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }

    /**
     * The job whose source prefix the key starts with; when prefixes nest, the longest wins, so
     * {@code incoming/stores/eu/} takes its files from {@code incoming/stores/}.
     */
    public static Optional<Job> ownerOf(String key, List<Job> all) {
        return all.stream()
                .filter(job -> prefixOf(job) != null && key.startsWith(prefixOf(job)))
                .max(Comparator.comparingInt((Job job) -> prefixOf(job).length()));
    }

    private static String prefixOf(Job job) {
        return job.definition().source() == null ? null : job.definition().source().prefix();
    }

    /** The status as a sentence shows it: {@code Sampling failed}. */
    static String title(Job job) {
        String label = job.status().label().replace('_', ' ');
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static void log(ArrivalDecision decision) {
        String key = decision.object().key();
        if (decision instanceof Import d) {
            LOG.debug("arrival.import jobId={} key={}", d.job().id(), key);
        } else if (decision instanceof Ignored d) {
            LOG.debug("arrival.ignored why={} key={}", d.why(), key);
        } else {
            LOG.info("arrival.not_imported decision={} key={}",
                    decision.getClass().getSimpleName(), key);
        }
    }
}
