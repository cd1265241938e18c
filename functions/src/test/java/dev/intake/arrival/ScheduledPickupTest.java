package dev.intake.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.arrival.PickupDecision.Import;
import dev.intake.arrival.PickupDecision.NothingNew;
import dev.intake.arrival.PickupDecision.Skipped;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.JobDefinitions;
import dev.intake.job.JobStatus;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.testing.InMemoryRunStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduledPickupTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private static final String JOB = "stores";

    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final DatedObjects objects = new DatedObjects();
    private final InMemoryRunStore runs = new InMemoryRunStore();
    private final ScheduledPickup pickup = new ScheduledPickup(jobs, objects, runs,
            "intake-local", RunOutputs.DEFAULT);

    private void activeJob() {
        jobs.seed(JobDefinitions.recurring(JOB, "rate(1 hour)", "UTC"), JobStatus.ACTIVE, T0);
    }

    private static SourceObject sourceOf(ObjectInfo info) {
        return new SourceObject(info.bucket(), info.key(), info.version(), info.etag(),
                info.size());
    }

    private void runOf(String runId, SourceObject source, RunStatus status) {
        runs.create(new Run(runId, JOB, 1, null, Trigger.UPLOAD, source, status, RunCounts.NONE,
                null, null, "execution-" + runId, null, List.of()));
    }

    @Nested
    class NewFile {

        @Test
        void importsTheNewestFileUnderThePrefix() {
            activeJob();
            objects.put("incoming/stores/monday.csv", "1", T0.plusSeconds(10), 50);
            ObjectInfo tuesday = objects.put("incoming/stores/tuesday.csv", "1",
                    T0.plusSeconds(20), 60);
            objects.put("incoming/other/wednesday.csv", "1", T0.plusSeconds(30), 70);

            PickupDecision decision = pickup.fire(JOB);

            assertThat(decision).isInstanceOf(Import.class);
            assertThat(((Import) decision).object()).isEqualTo(sourceOf(tuesday));
        }

        @Test
        void importsANewVersionOfAKeyThatWasImportedBefore() {
            activeJob();
            ObjectInfo first = objects.put("incoming/stores/daily.csv", "1", T0, 50);
            runOf("run-1", sourceOf(first), RunStatus.COMPLETED);
            ObjectInfo second = objects.put("incoming/stores/daily.csv", "2", T0.plusSeconds(60),
                    55);

            assertThat(((Import) pickup.fire(JOB)).object()).isEqualTo(sourceOf(second));
        }

        @Test
        void passesOverFolderMarkersAndRunOutputs() {
            jobs.seed(JobDefinitions.recurring(JOB, "rate(1 hour)", "UTC"), JobStatus.ACTIVE, T0);
            ObjectInfo file = objects.put("incoming/stores/a.csv", "1", T0, 50);
            objects.put("incoming/stores/later/", "1", T0.plusSeconds(60), 0);

            assertThat(((Import) pickup.fire(JOB)).object()).isEqualTo(sourceOf(file));
        }
    }

    @Nested
    class NothingToImport {

        @Test
        void saysSoWhenThePrefixIsEmpty() {
            activeJob();

            assertThat(pickup.fire(JOB)).isEqualTo(new NothingNew(JOB, null, null,
                    "job stores: no file under incoming/stores/ to import"));
        }

        @Test
        void saysWhichRunTookTheNewestFile() {
            activeJob();
            ObjectInfo file = objects.put("incoming/stores/daily.csv", "1", T0, 50);
            runOf("run-1", sourceOf(file), RunStatus.PARTIALLY_COMPLETED);

            assertThat(pickup.fire(JOB)).isEqualTo(new NothingNew(JOB,
                    "incoming/stores/daily.csv", "run-1", "job stores: nothing new under "
                            + "incoming/stores/; the newest file incoming/stores/daily.csv was "
                            + "taken by run run-1"));
        }

        @Test
        void doesNotTryAFailedFileAgain() {
            activeJob();
            ObjectInfo file = objects.put("incoming/stores/daily.csv", "1", T0, 50);
            runOf("run-1", sourceOf(file), RunStatus.FAILED);

            assertThat(pickup.fire(JOB)).isInstanceOf(NothingNew.class);
        }

        @Test
        void neverImportsAnOlderFileAfterANewerOne() {
            activeJob();
            objects.put("incoming/stores/monday.csv", "1", T0, 50);
            ObjectInfo tuesday = objects.put("incoming/stores/tuesday.csv", "1",
                    T0.plusSeconds(60), 50);
            runOf("run-2", sourceOf(tuesday), RunStatus.COMPLETED);

            assertThat(pickup.fire(JOB)).isInstanceOf(NothingNew.class);
        }
    }

    @Test
    void skipsAJobThatIsNoLongerActive() {
        jobs.seed(JobDefinitions.recurring(JOB, "rate(1 hour)", "UTC"), JobStatus.PAUSED, T0);
        objects.put("incoming/stores/a.csv", "1", T0, 50);

        assertThat(pickup.fire(JOB)).isEqualTo(new Skipped(JOB, "job stores is Paused; its "
                + "schedule fired but only an Active job imports"));
        assertThat(pickup.fire("gone")).isEqualTo(new Skipped("gone", "job gone is deleted; its "
                + "schedule fired but only an Active job imports"));
    }

    @Test
    void anEtagIdentifiesAnUnversionedObject() {
        SourceObject a = new SourceObject("b", "k.csv", null, "e1", 1);

        assertThat(ScheduledPickup.sameVersion(a, new SourceObject("b", "k.csv", null, "e1", 1)))
                .isTrue();
        assertThat(ScheduledPickup.sameVersion(a, new SourceObject("b", "k.csv", null, "e2", 1)))
                .isFalse();
        assertThat(ScheduledPickup.sameVersion(a, new SourceObject("b", "j.csv", null, "e1", 1)))
                .isFalse();
    }
}
