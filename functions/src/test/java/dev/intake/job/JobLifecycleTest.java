package dev.intake.job;

import static dev.intake.job.JobStatus.ACTIVE;
import static dev.intake.job.JobStatus.COMPLETED;
import static dev.intake.job.JobStatus.DRAFT;
import static dev.intake.job.JobStatus.HALTED;
import static dev.intake.job.JobStatus.PAUSED;
import static dev.intake.job.JobStatus.SAMPLING;
import static dev.intake.job.JobStatus.SAMPLING_FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.FakeJobSchedules;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.JobDefinitions;
import dev.intake.fake.MutableClock;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.JobSchedules;
import dev.intake.port.PendingFiles.PendingFile;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private static final String ID = "store-locations";
    private static final JobDefinition.Schedule DAILY =
            new JobDefinition.Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Paris");
    private static final JobDefinition.Schedule ONCE =
            new JobDefinition.Schedule("one-time", null, "2026-12-24T06:00:00", "Europe/Paris");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final FakeJobSchedules schedules = new FakeJobSchedules();
    private final InMemoryPendingFiles pending = new InMemoryPendingFiles();
    private final JobLifecycle lifecycle = new JobLifecycle(jobs, schedules, pending, clock);

    /** The job status table of the product specification, written out independently. */
    private static final Map<JobStatus, Set<JobStatus>> PRODUCT_TABLE = Map.of(
            DRAFT, EnumSet.of(SAMPLING, ACTIVE),
            SAMPLING, EnumSet.of(DRAFT, SAMPLING_FAILED),
            SAMPLING_FAILED, EnumSet.of(DRAFT, SAMPLING),
            ACTIVE, EnumSet.of(PAUSED, HALTED, COMPLETED),
            PAUSED, EnumSet.of(ACTIVE),
            HALTED, EnumSet.of(ACTIVE),
            COMPLETED, EnumSet.noneOf(JobStatus.class));

    private Job seed(JobStatus status, JobDefinition.Schedule schedule) {
        Job job = jobs.seed(JobDefinitions.withSchedule(ID, schedule), status, T0);
        if (status == ACTIVE || status == PAUSED || status == HALTED) {
            schedules.put(ID, schedule);
        }
        if (status == PAUSED || status == HALTED) {
            schedules.disable(ID);
        }
        clock.advance(Duration.ofMinutes(5));
        return job;
    }

    @Nested
    class TransitionTable {

        @Test
        void jobStatusAllowsExactlyTheMovesOfTheProductTable() {
            for (JobStatus status : JobStatus.values()) {
                assertThat(status.next()).as(status.label()).isEqualTo(PRODUCT_TABLE.get(status));
            }
        }

        @Test
        void theLifecycleMovesCoverTheTableExactly() {
            List<String> fromMoves = new ArrayList<>();
            for (JobMove move : JobMove.values()) {
                move.from().forEach(from -> fromMoves.add(from + "->" + move.to()));
            }
            List<String> fromTable = new ArrayList<>();
            PRODUCT_TABLE.forEach((from, targets) ->
                    targets.forEach(to -> fromTable.add(from + "->" + to)));

            assertThat(fromMoves).containsExactlyInAnyOrderElementsOf(fromTable);
        }

        static Stream<Arguments> everyPair() {
            return Stream.of(JobStatus.values())
                    .flatMap(from -> Stream.of(JobStatus.values())
                            .map(to -> Arguments.of(from, to)));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("everyPair")
        void makesEveryLegalMoveAndRefusesEveryIllegalOne(JobStatus from, JobStatus to) {
            seed(from, ONCE);

            if (PRODUCT_TABLE.get(from).contains(to)) {
                Job moved = request(from, to);

                assertThat(moved.status()).isEqualTo(to);
                assertThat(jobs.find(ID).orElseThrow().status()).isEqualTo(to);
                assertThat(jobs.history(ID)).last().isEqualTo(new StatusChange(
                        to.label(), T0.plus(Duration.ofMinutes(5)), expectedCause(from, to)));
            } else {
                assertThatThrownBy(() -> request(from, to))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessage("job \"store-locations\" is " + TITLES.get(from)
                                + "; it cannot be " + verb(from, to) + ". "
                                + LEGAL_MOVES.get(from));
                assertThat(jobs.find(ID).orElseThrow().status()).isEqualTo(from);
            }
        }

        /** The one operation that requests {@code to}, chosen as a person would. */
        private Job request(JobStatus from, JobStatus to) {
            return switch (to) {
                case DRAFT -> from == SAMPLING_FAILED
                        ? lifecycle.redefine(JobDefinitions.withSchedule(ID, ONCE), "ana")
                        : lifecycle.samplingSucceeded(ID, "report samples/report.json", "sampler");
                case SAMPLING -> lifecycle.startSampling(ID, "ana");
                case SAMPLING_FAILED -> lifecycle.samplingFailed(ID, "no header row", "sampler");
                case ACTIVE -> from == PAUSED || from == HALTED
                        ? lifecycle.reactivate(ID, "ana").job()
                        : lifecycle.activate(ID, "ana");
                case PAUSED -> lifecycle.pause(ID, "ana");
                case HALTED -> lifecycle.halt(ID, "fifth rerun failed", "run r-6");
                case COMPLETED -> lifecycle.complete(ID, "run r-1");
            };
        }

        private String expectedCause(JobStatus from, JobStatus to) {
            return switch (to) {
                case DRAFT -> from == SAMPLING ? "sampler: report samples/report.json" : "ana";
                case SAMPLING_FAILED -> "sampler: no header row";
                case HALTED -> "run r-6: fifth rerun failed";
                case COMPLETED -> "run r-1";
                default -> "ana";
            };
        }

        private String verb(JobStatus from, JobStatus to) {
            return switch (to) {
                case DRAFT -> "returned to draft with a sample report";
                case SAMPLING -> "sampled";
                case SAMPLING_FAILED -> "marked sampling failed";
                case ACTIVE -> from == PAUSED || from == HALTED ? "reactivated" : "activated";
                case PAUSED -> "paused";
                case HALTED -> "halted";
                case COMPLETED -> "completed";
            };
        }

        private static final Map<JobStatus, String> TITLES = Map.of(
                DRAFT, "Draft", SAMPLING, "Sampling", SAMPLING_FAILED, "Sampling failed",
                ACTIVE, "Active", PAUSED, "Paused", HALTED, "Halted", COMPLETED, "Completed");

        private static final Map<JobStatus, String> LEGAL_MOVES = Map.of(
                DRAFT, "A draft job can be sampled or activated.",
                SAMPLING, "A job being sampled returns to draft when its sample report is ready,"
                        + " or is marked sampling failed.",
                SAMPLING_FAILED, "A job whose sampling failed can be sampled again, or edited back"
                        + " to draft.",
                ACTIVE, "An active job can be paused or halted, and completed when it is one-time.",
                PAUSED, "A paused job can only be reactivated.",
                HALTED, "A halted job can only be reactivated.",
                COMPLETED, "A completed one-time job has no further moves.");
    }

    @Nested
    class Schedules {

        @Test
        void activatingCreatesTheScheduleEnabled() {
            seed(DRAFT, DAILY);

            lifecycle.activate(ID, "ana");

            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, true));
            assertThat(schedules.calls()).containsExactly("put store-locations");
        }

        @Test
        void activatingAJobWithoutScheduleCreatesNone() {
            jobs.seed(JobDefinitions.unscheduled(ID), DRAFT, T0);

            lifecycle.activate(ID, "ana");

            assertThat(schedules.calls()).isEmpty();
            assertThat(jobs.find(ID).orElseThrow().status()).isEqualTo(ACTIVE);
        }

        @Test
        void pausingDisablesTheScheduleAndKeepsIt() {
            seed(ACTIVE, DAILY);

            lifecycle.pause(ID, "ana");

            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, false));
            assertThat(schedules.calls())
                    .containsExactly("put store-locations", "disable store-locations");
        }

        @Test
        void haltingDisablesTheSchedule() {
            seed(ACTIVE, DAILY);

            lifecycle.halt(ID, "fifth rerun failed: destination table throttled", "run r-6");

            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, false));
        }

        @Test
        void haltingAgainAfterAFailedStatusWriteStillSucceeds() {
            seed(ACTIVE, DAILY);
            schedules.disable(ID);

            lifecycle.halt(ID, "fifth rerun failed", "run r-6");

            assertThat(jobs.find(ID).orElseThrow().status()).isEqualTo(HALTED);
            assertThat(schedules.calls())
                    .containsExactly("put store-locations", "disable store-locations");
        }

        @Test
        void reactivatingEnablesTheSchedule() {
            seed(HALTED, DAILY);

            lifecycle.reactivate(ID, "ana");

            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, true));
            assertThat(schedules.calls()).last().isEqualTo("enable store-locations");
        }

        @Test
        void reactivatingCreatesAScheduleThatWasLost() {
            jobs.seed(JobDefinitions.withSchedule(ID, DAILY), PAUSED, T0);

            lifecycle.reactivate(ID, "ana");

            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, true));
            assertThat(schedules.calls()).containsExactly("put store-locations");
        }

        @Test
        void completingDeletesTheOneTimeSchedule() {
            seed(ACTIVE, ONCE);

            lifecycle.complete(ID, "run r-1");

            assertThat(schedules.find(ID)).isEmpty();
            assertThat(schedules.calls()).last().isEqualTo("delete store-locations");
        }

        @Test
        void anIllegalMoveLeavesTheScheduleAlone() {
            seed(PAUSED, DAILY);

            assertThatThrownBy(() -> lifecycle.pause(ID, "ana"))
                    .isInstanceOf(IllegalTransitionException.class);

            assertThat(schedules.calls())
                    .containsExactly("put store-locations", "disable store-locations");
        }

        @Test
        void deletingRemovesTheJobAndItsSchedule() {
            seed(ACTIVE, DAILY);

            lifecycle.delete(ID);

            assertThat(jobs.find(ID)).isEmpty();
            assertThat(schedules.find(ID)).isEmpty();
        }

        @Test
        void deletingADraftTouchesNoSchedule() {
            seed(DRAFT, DAILY);

            lifecycle.delete(ID);

            assertThat(jobs.find(ID)).isEmpty();
            assertThat(schedules.calls()).isEmpty();
        }
    }

    @Nested
    class History {

        @Test
        void recordsEachMoveWithItsCauseAndTime() {
            lifecycle.create(JobDefinitions.withSchedule(ID, DAILY), "ana");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.startSampling(ID, "ana");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.samplingFailed(ID, "line 1: no column matches field zip_code", "sampler");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.redefine(JobDefinitions.withSchedule(ID, DAILY), "ana");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.startSampling(ID, "ana");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.samplingSucceeded(ID, "report samples/store-locations.json", "sampler");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.activate(ID, "ana");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.halt(ID, "fifth rerun failed", "run r-6");
            clock.advance(Duration.ofMinutes(1));
            lifecycle.reactivate(ID, "bo");

            assertThat(jobs.history(ID)).containsExactly(
                    new StatusChange("draft", T0, "ana"),
                    new StatusChange("sampling", at(1), "ana"),
                    new StatusChange("sampling_failed", at(2),
                            "sampler: line 1: no column matches field zip_code"),
                    new StatusChange("draft", at(3), "ana"),
                    new StatusChange("sampling", at(4), "ana"),
                    new StatusChange("draft", at(5),
                            "sampler: report samples/store-locations.json"),
                    new StatusChange("active", at(6), "ana"),
                    new StatusChange("halted", at(7), "run r-6: fifth rerun failed"),
                    new StatusChange("active", at(8), "bo"));
        }

        private Instant at(int minutes) {
            return T0.plus(Duration.ofMinutes(minutes));
        }
    }

    @Nested
    class Reactivating {

        @Test
        void returnsThePendingFilesInArrivalOrder() {
            seed(PAUSED, DAILY);
            PendingFile second = file("incoming/store-locations/a.csv", "10:05");
            PendingFile first = file("incoming/store-locations/z.csv", "10:01");
            PendingFile third = file("incoming/store-locations/b.csv", "10:07");
            pending.add(ID, second);
            pending.add(ID, first);
            pending.add(ID, third);

            Reactivation reactivation = lifecycle.reactivate(ID, "ana");

            assertThat(reactivation.job().status()).isEqualTo(ACTIVE);
            assertThat(reactivation.pending()).containsExactly(first, second, third);
        }

        @Test
        void leavesThePendingFilesForTheCallerToRemove() {
            seed(HALTED, DAILY);
            PendingFile file = file("incoming/store-locations/a.csv", "10:05");
            pending.add(ID, file);

            lifecycle.reactivate(ID, "ana");

            assertThat(pending.list(ID)).containsExactly(file);
        }

        private PendingFile file(String key, String time) {
            return new PendingFile(new SourceObject("intake", key, "v-" + key, "etag", 10),
                    Instant.parse("2026-12-04T" + time + ":00Z"));
        }
    }

    @Nested
    class SourcePrefixes {

        @Test
        void creatingAJobWithAnotherJobsPrefixIsRefused() {
            lifecycle.create(JobDefinitions.withPrefix("stores", "incoming/stores/"), "ana");

            assertThatThrownBy(() -> lifecycle.create(
                    JobDefinitions.withPrefix("shops", "incoming/stores/"), "ana"))
                    .isInstanceOf(InvalidJobDefinitionException.class)
                    .hasMessage("job \"shops\": source.prefix: \"incoming/stores/\" is the same "
                            + "as the prefix \"incoming/stores/\" of job \"stores\"; a file must "
                            + "belong to one job, so give this job a prefix that neither contains "
                            + "nor lies inside another job's");
            assertThat(jobs.find("shops")).isEmpty();
        }

        @Test
        void creatingAJobWhosePrefixContainsAnotherJobsIsRefused() {
            lifecycle.create(JobDefinitions.withPrefix("stores", "incoming/stores/"), "ana");

            assertThatThrownBy(() -> lifecycle.create(
                    JobDefinitions.withPrefix("everything", "incoming/"), "ana"))
                    .hasMessage("job \"everything\": source.prefix: \"incoming/\" contains the "
                            + "prefix \"incoming/stores/\" of job \"stores\"; a file must belong "
                            + "to one job, so give this job a prefix that neither contains nor "
                            + "lies inside another job's");
        }

        @Test
        void redefiningAJobWithAPrefixInsideAnotherJobsIsRefused() {
            lifecycle.create(JobDefinitions.withPrefix("stores", "incoming/stores/"), "ana");
            lifecycle.create(JobDefinitions.withPrefix("shops", "incoming/shops/"), "ana");

            assertThatThrownBy(() -> lifecycle.redefine(
                    JobDefinitions.withPrefix("shops", "incoming/stores/paris/"), "ana"))
                    .hasMessage("job \"shops\": source.prefix: \"incoming/stores/paris/\" lies "
                            + "inside the prefix \"incoming/stores/\" of job \"stores\"; a file "
                            + "must belong to one job, so give this job a prefix that neither "
                            + "contains nor lies inside another job's");
            assertThat(jobs.find("shops").orElseThrow().definition().source().prefix())
                    .isEqualTo("incoming/shops/");
        }

        @Test
        void prefixesThatOnlyShareTheirStartAreAccepted() {
            lifecycle.create(JobDefinitions.withPrefix("stores", "incoming/stores/"), "ana");

            lifecycle.create(JobDefinitions.withPrefix("stores-eu", "incoming/stores-eu/"), "ana");
            lifecycle.redefine(JobDefinitions.withPrefix("stores", "incoming/stores/"), "ana");

            assertThat(jobs.list()).hasSize(2);
        }
    }

    @Nested
    class Refusals {

        @Test
        void completingARecurringJobIsRefused() {
            seed(ACTIVE, DAILY);

            assertThatThrownBy(() -> lifecycle.complete(ID, "run r-1"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"store-locations\" is Active; it cannot be completed,"
                            + " because it is not a one-time job. An active job can be paused or"
                            + " halted, and completed when it is one-time.");
            assertThat(schedules.find(ID)).contains(new JobSchedules.State(DAILY, true));
        }

        @Test
        void activatingAPausedJobPointsToReactivation() {
            seed(PAUSED, DAILY);

            assertThatThrownBy(() -> lifecycle.activate(ID, "ana"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"store-locations\" is Paused; it cannot be activated."
                            + " A paused job can only be reactivated.");
        }

        @Test
        void editingAnActiveJobIsRefused() {
            seed(ACTIVE, DAILY);

            JobDefinition edited = JobDefinitions.withSchedule(ID, ONCE);

            assertThatThrownBy(() -> lifecycle.redefine(edited, "ana"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"store-locations\" is Active; it cannot be edited while"
                            + " it runs; pause it first, edit it, then reactivate it. An active"
                            + " job can be paused or halted, and completed when it is one-time.");
            assertThat(jobs.find(ID).orElseThrow().definition().schedule()).isEqualTo(DAILY);
        }

        @Test
        void editingAPausedJobKeepsItPausedAndReactivationUsesTheNewSchedule() {
            seed(ACTIVE, DAILY);
            lifecycle.pause(ID, "ana");

            Job edited = lifecycle.redefine(JobDefinitions.withSchedule(ID, ONCE), "ana");
            lifecycle.reactivate(ID, "ana");

            assertThat(edited.status()).isEqualTo(PAUSED);
            assertThat(edited.definition().schedule()).isEqualTo(ONCE);
            assertThat(schedules.find(ID)).contains(new JobSchedules.State(ONCE, true));
        }

        @Test
        void editingAHaltedJobKeepsItHalted() {
            seed(HALTED, DAILY);

            Job edited = lifecycle.redefine(JobDefinitions.withSchedule(ID, ONCE), "ana");

            assertThat(edited.status()).isEqualTo(HALTED);
            assertThat(edited.definition().schedule()).isEqualTo(ONCE);
            assertThat(schedules.find(ID)).isEmpty();
        }

        @Test
        void editingADraftKeepsItInDraft() {
            seed(DRAFT, DAILY);

            Job edited = lifecycle.redefine(JobDefinitions.withSchedule(ID, ONCE), "ana");

            assertThat(edited.status()).isEqualTo(DRAFT);
            assertThat(edited.definition().schedule()).isEqualTo(ONCE);
            assertThat(jobs.history(ID)).hasSize(1);
        }

        @Test
        void anUnknownJobIsNamed() {
            assertThatThrownBy(() -> lifecycle.pause("no-such-job", "ana"))
                    .isInstanceOf(JobNotFoundException.class)
                    .hasMessage("job \"no-such-job\" does not exist; check the id against the"
                            + " list of jobs");
        }

        @Test
        void creatingATakenIdIsAConflict() {
            lifecycle.create(JobDefinitions.unscheduled(ID), "ana");

            assertThatThrownBy(() -> lifecycle.create(JobDefinitions.unscheduled(ID), "bo"))
                    .isInstanceOf(ConflictException.class);
        }
    }
}
