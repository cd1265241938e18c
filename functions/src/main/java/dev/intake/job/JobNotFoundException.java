package dev.intake.job;

/** A job id that names no stored job. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String jobId) {
        super("job \"" + jobId + "\" does not exist; check the id against the list of jobs");
    }
}
