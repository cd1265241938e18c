package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.run.StatusChange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest {

    @TempDir
    Path folder;

    private SqliteDatabase database;
    private SqliteJobStore jobs;
    private final JobDefinition definition = Fixtures.storeLocations(WriteMode.REPLACE);

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("intake.db"));
        jobs = new SqliteJobStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Nested
    class Create {

        @Test
        void storesTheJobInDraftWithVersionOne() {
            Job created = jobs.create(definition, T0, "cli");

            assertThat(created).isEqualTo(new Job(definition, JobStatus.DRAFT, T0, 1));
            assertThat(jobs.find("store-locations")).contains(created);
            assertThat(jobs.history("store-locations"))
                    .containsExactly(new StatusChange("draft", T0, "cli"));
        }

        @Test
        void refusesATakenId() {
            jobs.create(definition, T0, "cli");

            assertThatThrownBy(() -> jobs.create(definition, T0.plusSeconds(1), "cli"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Job store-locations exists already; choose another id or update"
                            + " the existing job's definition.");
            assertThat(jobs.history("store-locations")).hasSize(1);
        }
    }

    @Nested
    class Read {

        @Test
        void listsAllJobsByIdAndByStatus() {
            jobs.create(Fixtures.job("zips", "zips", WriteMode.MERGE), T0, "cli");
            jobs.create(Fixtures.job("airports", "airports", WriteMode.MERGE), T0, "cli");
            jobs.transition("zips", JobStatus.DRAFT, JobStatus.ACTIVE, T0, "activate");

            assertThat(jobs.list()).extracting(Job::id).containsExactly("airports", "zips");
            assertThat(jobs.listByStatus(JobStatus.ACTIVE)).extracting(Job::id)
                    .containsExactly("zips");
            assertThat(jobs.listByStatus(JobStatus.PAUSED)).isEmpty();
        }

        @Test
        void findsNothingForAnUnknownId() {
            assertThat(jobs.find("nope")).isEmpty();
            assertThat(jobs.history("nope")).isEmpty();
        }
    }

    @Nested
    class UpdateDefinition {

        @Test
        void replacesTheDefinitionAndKeepsTheStatus() {
            jobs.create(definition, T0, "cli");
            jobs.transition("store-locations", JobStatus.DRAFT, JobStatus.ACTIVE, T0, "activate");
            JobDefinition renamed = Fixtures.job("store-locations", "stores-v2", WriteMode.MERGE);

            Job updated = jobs.updateDefinition(renamed, T0.plusSeconds(60));

            assertThat(updated).isEqualTo(new Job(renamed, JobStatus.ACTIVE, T0, 3));
        }

        @Test
        void refusesAnUnknownJob() {
            assertThatThrownBy(() -> jobs.updateDefinition(definition, T0))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Job store-locations does not exist, so its definition cannot be"
                            + " updated; create it first.");
        }
    }

    @Nested
    class Transition {

        @Test
        void movesTheJobAndRecordsTheChange() {
            jobs.create(definition, T0, "cli");

            Job active = jobs.transition("store-locations", JobStatus.DRAFT, JobStatus.ACTIVE,
                    T0.plusSeconds(5), "activate");
            Job paused = jobs.transition("store-locations", JobStatus.ACTIVE, JobStatus.PAUSED,
                    T0.plusSeconds(9), "pause");

            assertThat(active).isEqualTo(
                    new Job(definition, JobStatus.ACTIVE, T0.plusSeconds(5), 2));
            assertThat(paused).isEqualTo(
                    new Job(definition, JobStatus.PAUSED, T0.plusSeconds(9), 3));
            assertThat(jobs.history("store-locations")).containsExactly(
                    new StatusChange("draft", T0, "cli"),
                    new StatusChange("active", T0.plusSeconds(5), "activate"),
                    new StatusChange("paused", T0.plusSeconds(9), "pause"));
        }

        @Test
        void refusesAMoveTheLifecycleDoesNotAllow() {
            jobs.create(definition, T0, "cli");

            assertThatThrownBy(() -> jobs.transition("store-locations", JobStatus.DRAFT,
                    JobStatus.PAUSED, T0, "pause"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Job store-locations cannot move from draft to paused: draft may"
                            + " only move to active or sampling.");
            assertThat(jobs.find("store-locations").orElseThrow().status())
                    .isEqualTo(JobStatus.DRAFT);
        }

        @Test
        void refusesAnyMoveOutOfCompleted() {
            assertThatThrownBy(() -> jobs.transition("store-locations", JobStatus.COMPLETED,
                    JobStatus.ACTIVE, T0, "reactivate"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Job store-locations cannot move from completed to active:"
                            + " completed is final and allows no further status.");
        }

        @Test
        void letsOnlyTheFirstOfTwoWritersMoveFromTheSameStatus() {
            jobs.create(definition, T0, "cli");
            jobs.transition("store-locations", JobStatus.DRAFT, JobStatus.ACTIVE, T0, "activate");

            jobs.transition("store-locations", JobStatus.ACTIVE, JobStatus.HALTED, T0, "halt");

            assertThatThrownBy(() -> jobs.transition("store-locations", JobStatus.ACTIVE,
                    JobStatus.PAUSED, T0, "pause"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Job store-locations is no longer active (it is halted): another"
                            + " writer changed it first, so the move to paused was not made."
                            + " Read it again and decide whether the move still applies.");
            assertThat(jobs.history("store-locations")).extracting(StatusChange::status)
                    .containsExactly("draft", "active", "halted");
        }

        @Test
        void reportsAnUnknownJobAsAConflict() {
            assertThatThrownBy(() -> jobs.transition("ghost", JobStatus.DRAFT, JobStatus.ACTIVE,
                    T0, "activate"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Job ghost does not exist, so it cannot move from draft to active.");
        }
    }

    @Test
    void deleteRemovesTheJobAndItsHistory() {
        jobs.create(definition, T0, "cli");

        jobs.delete("store-locations");

        assertThat(jobs.find("store-locations")).isEmpty();
        assertThat(jobs.history("store-locations")).isEqualTo(List.of());
    }
}
