package dev.intake.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.fake.JobDefinitions;
import dev.intake.job.Job;
import dev.intake.job.JobStatus;
import dev.intake.port.Mailer.Email;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunEmailsTest {

    private static final SourceObject FILE = new SourceObject(
            "intake-files", "incoming/zips/2026-12-04.csv", "v1", "etag", 120);
    private static final Job JOB = new Job(JobDefinitions.unscheduled("zips"), JobStatus.ACTIVE,
            Instant.parse("2026-12-01T00:00:00Z"), 3);

    // No run has failed records, so the object store is never asked for a link.
    private final RunEmails emails = new RunEmails(null, Duration.ofDays(7));

    private static Run failed(int attempt, String failedAt, FailureReason reason) {
        return new Run("E-" + attempt, "zips", attempt, attempt == 1 ? null : "E-1",
                Trigger.UPLOAD, FILE, RunStatus.FAILED, RunCounts.NONE, reason, null, "E",
                null, List.of(
                        new StatusChange("importing", Instant.parse("2026-12-04T09:00:00Z"), "r"),
                        new StatusChange("failed", Instant.parse(failedAt), reason.code())));
    }

    @Nested
    class HaltEmail {

        @Test
        void printsEachAttemptsTimeToTheSecondAndItsReasonWithoutJavaClassNames() {
            Run first = failed(1, "2026-12-04T09:00:01.123456789Z", new FailureReason(
                    "DEPENDENCY_UNAVAILABLE", "Stopped while importing: table zips is throttled"
                            + " (error dev.intake.workflow.DependencyUnavailableException)"));
            Run second = failed(2, "2026-12-04T09:15:02.5Z", new FailureReason(
                    "TASK_CRASHED", "Stopped while processing: The function ran out of memory"
                            + " (error Lambda.Unknown)"));

            Email email = emails.halted(JOB, List.of(first, second), "E");

            assertThat(email.text()).contains(
                    "1 | E-1 | 2026-12-04T09:00:01Z | DEPENDENCY_UNAVAILABLE: Stopped while"
                            + " importing: table zips is throttled\n",
                    "2 | E-2 | 2026-12-04T09:15:02Z | TASK_CRASHED: Stopped while processing:"
                            + " The function ran out of memory (error Lambda.Unknown)\n");
            assertThat(email.text() + email.html())
                    .doesNotContain("dev.intake", ".123456789", ".5Z");
        }
    }
}
