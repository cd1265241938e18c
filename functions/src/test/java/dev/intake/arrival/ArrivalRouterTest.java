package dev.intake.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.arrival.ArrivalDecision.Ignored;
import dev.intake.arrival.ArrivalDecision.Import;
import dev.intake.arrival.ArrivalDecision.JobCompleted;
import dev.intake.arrival.ArrivalDecision.KeptUntilActive;
import dev.intake.arrival.ArrivalDecision.NoJob;
import dev.intake.arrival.ArrivalDecision.Pending;
import dev.intake.arrival.ArrivalDecision.Why;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.JobDefinitions;
import dev.intake.fake.MutableClock;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.SourceObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrivalRouterTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InMemoryPendingFiles pending = new InMemoryPendingFiles();
    private final ArrivalRouter router = new ArrivalRouter(jobs, pending, RunOutputs.DEFAULT,
            clock);

    private static SourceObject object(String key, long size) {
        return new SourceObject("intake-local", key, "1", "etag-" + key.hashCode(), size);
    }

    private void seed(String id, JobStatus status) {
        jobs.seed(JobDefinitions.unscheduled(id), status, T0);
    }

    @Nested
    class ActiveJob {

        @Test
        void importsAFileUnderItsPrefix() {
            seed("stores", JobStatus.ACTIVE);
            SourceObject file = object("incoming/stores/q1.csv", 120);

            ArrivalDecision decision = router.route(file);

            assertThat(decision).isInstanceOf(Import.class);
            assertThat(((Import) decision).job().id()).isEqualTo("stores");
            assertThat(decision.message())
                    .isEqualTo("job stores is Active; incoming/stores/q1.csv is imported");
        }

        @Test
        void importsAnEmptyFileSoThatItsRunFailsWithTheReason() {
            seed("stores", JobStatus.ACTIVE);

            assertThat(router.route(object("incoming/stores/empty.csv", 0)))
                    .isInstanceOf(Import.class);
        }

        @Test
        void theLongestMatchingPrefixNamesTheJob() {
            jobs.seed(withPrefix("everything", "incoming/"), JobStatus.ACTIVE, T0);
            jobs.seed(withPrefix("stores", "incoming/stores/"), JobStatus.ACTIVE, T0);

            Import decision = (Import) router.route(object("incoming/stores/q1.csv", 5));

            assertThat(decision.job().id()).isEqualTo("stores");
        }
    }

    @Nested
    class JobNotYetActive {

        @ParameterizedTest
        @EnumSource(names = {"DRAFT", "SAMPLING", "SAMPLING_FAILED"})
        void keepsTheFileAndSaysToActivateTheJob(JobStatus status) {
            seed("stores", status);
            SourceObject file = object("incoming/stores/q1.csv", 120);

            ArrivalDecision decision = router.route(file);

            String title = switch (status) {
                case DRAFT -> "Draft";
                case SAMPLING -> "Sampling";
                default -> "Sampling failed";
            };
            assertThat(decision).isEqualTo(new KeptUntilActive("stores", status, file,
                    "job stores is " + title + "; the file incoming/stores/q1.csv is kept; "
                            + "activate the job to import it"));
            assertThat(pending.list("stores")).isEmpty();
        }
    }

    @Nested
    class StoppedJob {

        @ParameterizedTest
        @EnumSource(names = {"PAUSED", "HALTED"})
        void recordsTheFileAsPendingWithItsArrivalTime(JobStatus status) {
            seed("stores", status);
            SourceObject file = object("incoming/stores/q1.csv", 120);

            ArrivalDecision decision = router.route(file);

            String title = status == JobStatus.PAUSED ? "Paused" : "Halted";
            assertThat(decision).isEqualTo(new Pending("stores", status, file, "job stores is "
                    + title + "; the file incoming/stores/q1.csv is pending and will be "
                    + "imported, in arrival order, when the job is reactivated"));
            assertThat(pending.list("stores")).containsExactly(new PendingFile(file, T0));
        }

        @Test
        void keepsPendingFilesInArrivalOrderAndOnceEach() {
            seed("stores", JobStatus.PAUSED);
            SourceObject second = object("incoming/stores/a.csv", 1);
            SourceObject first = object("incoming/stores/b.csv", 1);

            router.route(first);
            clock.advance(Duration.ofMinutes(1));
            router.route(second);
            router.route(first);

            assertThat(pending.list("stores")).containsExactly(new PendingFile(first, T0),
                    new PendingFile(second, T0.plusSeconds(60)));
        }
    }

    @Test
    void aCompletedJobReportsTheFileKept() {
        seed("once", JobStatus.COMPLETED);
        SourceObject file = object("incoming/once/late.csv", 3);

        assertThat(router.route(file)).isEqualTo(new JobCompleted("once", file, "job once is "
                + "Completed (a one-time job that has run); the file incoming/once/late.csv is "
                + "kept and not imported; create a new job to import it"));
    }

    @Nested
    class NoJobForTheKey {

        @Test
        void reportsTheKnownPrefixes() {
            seed("stores", JobStatus.ACTIVE);
            seed("airports", JobStatus.DRAFT);
            SourceObject file = object("incoming/store/q1.csv", 3);

            assertThat(router.route(file)).isEqualTo(new NoJob(file,
                    List.of("incoming/airports/", "incoming/stores/"), "no job's prefix holds "
                            + "incoming/store/q1.csv (closest: incoming/stores/); the job "
                            + "prefixes are incoming/airports/, incoming/stores/. Upload the "
                            + "file under its job's prefix, or create a job for it"));
        }

        @Test
        void namesNoClosestPrefixWhenNoneSharesAStart() {
            seed("stores", JobStatus.ACTIVE);

            assertThat(router.route(object("uploads/q1.csv", 3)).message()).isEqualTo("no job's"
                    + " prefix holds uploads/q1.csv; the job prefixes are incoming/stores/. "
                    + "Upload the file under its job's prefix, or create a job for it");
        }

        @Test
        void saysSoWhenThereAreNoJobs() {
            SourceObject file = object("incoming/q1.csv", 3);

            assertThat(router.route(file).message()).isEqualTo("no job's prefix holds "
                    + "incoming/q1.csv; there are no jobs yet. Upload the file under its job's "
                    + "prefix, or create a job for it");
        }
    }

    @Nested
    class NotAFile {

        @Test
        void ignoresAFolderMarker() {
            seed("stores", JobStatus.ACTIVE);
            SourceObject marker = object("incoming/stores/2026/", 0);

            assertThat(router.route(marker)).isEqualTo(new Ignored(marker, Why.FOLDER_MARKER,
                    "incoming/stores/2026/ is a folder marker, not a file; nothing to import"));
        }

        @Test
        void ignoresFailedRecordsAndStagingEvenUnderAWatchedPrefix() {
            jobs.seed(withPrefix("everything", ""), JobStatus.ACTIVE, T0);
            SourceObject failed = object("failed-records/everything/run-1.csv", 40);
            SourceObject staged = object("staging/run-1/valid.jsonl", 40);

            assertThat(router.route(failed)).isEqualTo(new Ignored(failed, Why.RUN_OUTPUT,
                    "failed-records/everything/run-1.csv was written by a run (failed records or"
                            + " staging); it is not imported again"));
            assertThat(router.route(staged)).isInstanceOf(Ignored.class);
            assertThat(router.route(object("incoming/x.csv", 4))).isInstanceOf(Import.class);
        }
    }

    private static JobDefinition withPrefix(String id, String prefix) {
        JobDefinition base = JobDefinitions.unscheduled(id);
        return new JobDefinition(base.id(), base.name(), new JobDefinition.Source(prefix),
                base.format(), base.schema(), base.destination(), base.maxFailedPercent(),
                base.schedule(), base.notifications());
    }
}
