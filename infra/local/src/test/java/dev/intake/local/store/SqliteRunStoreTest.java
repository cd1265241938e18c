package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.RunStore.Created;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.StatusChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreTest {

    @TempDir
    Path folder;

    private SqliteDatabase database;
    private SqliteRunStore runs;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("intake.db"));
        runs = new SqliteRunStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Nested
    class Create {

        @Test
        void storesEveryFieldOfTheRun() {
            Run run = Fixtures.run("r-1", "zips", T0);

            Created created = runs.create(run);

            assertThat(created).isEqualTo(new Created(run, true));
            assertThat(runs.find("r-1")).contains(run);
        }

        @Test
        void isIdempotentByRunIdAndKeepsTheFirstRun() {
            Run first = Fixtures.run("r-1", "zips", T0);
            runs.create(first);
            runs.transition("r-1", RunStatus.VALIDATING, RunStatus.PROCESSING, T0, null);

            Created again = runs.create(Fixtures.run("r-1", "zips", T0.plusSeconds(30)));

            assertThat(again.created()).isFalse();
            assertThat(again.run().status()).isEqualTo(RunStatus.PROCESSING);
            assertThat(again.run().history()).containsExactly(
                    new StatusChange("validating", T0, "upload"),
                    new StatusChange("processing", T0, null));
        }
    }

    @Nested
    class ListByJob {

        @Test
        void listsTheLastCreatedRunFirstAndHonoursTheLimit() {
            runs.create(Fixtures.run("r-a", "zips", T0));
            runs.create(Fixtures.run("r-b", "zips", T0.plusSeconds(60)));
            runs.create(Fixtures.run("r-other", "airports", T0.plusSeconds(600)));
            runs.create(Fixtures.run("r-c", "zips", T0.plusSeconds(120)));

            assertThat(runs.listByJob("zips", 10)).extracting(Run::id)
                    .containsExactly("r-c", "r-b", "r-a");
            assertThat(runs.listByJob("zips", 2)).extracting(Run::id)
                    .containsExactly("r-c", "r-b");
        }

        @Test
        void ordersByCreationNotByTimeSinceRerunsRunOnAVirtualClock() {
            // An upload's reruns ran 75 virtual minutes ahead; the next upload runs at real time.
            runs.create(Fixtures.run("r-rerun", "zips", T0.plusSeconds(4500)));
            runs.create(Fixtures.run("r-next-upload", "zips", T0.plusSeconds(60)));

            assertThat(runs.listByJob("zips", 5)).extracting(Run::id)
                    .containsExactly("r-next-upload", "r-rerun");
        }

        @Test
        void aRunCreatedTwiceKeepsItsFirstPlace() {
            runs.create(Fixtures.run("r-1", "zips", T0));
            runs.create(Fixtures.run("r-2", "zips", T0));
            runs.create(Fixtures.run("r-1", "zips", T0));

            assertThat(runs.listByJob("zips", 5)).extracting(Run::id)
                    .containsExactly("r-2", "r-1");
        }
    }

    @Nested
    class Transition {

        @Test
        void recordsEachStatusWithItsTimeAndTheFailureReason() {
            runs.create(Fixtures.run("r-1", "zips", T0));
            runs.transition("r-1", RunStatus.VALIDATING, RunStatus.PROCESSING,
                    T0.plusSeconds(1), null);

            Run failed = runs.transition("r-1", RunStatus.PROCESSING, RunStatus.FAILED,
                    T0.plusSeconds(2), Fixtures.timeout());
            Run halted = runs.transition("r-1", RunStatus.FAILED, RunStatus.HALTED,
                    T0.plusSeconds(3), null);

            assertThat(failed.reason()).isEqualTo(Fixtures.timeout());
            assertThat(halted.status()).isEqualTo(RunStatus.HALTED);
            assertThat(halted.reason()).isEqualTo(Fixtures.timeout());
            assertThat(halted.history()).containsExactly(
                    new StatusChange("validating", T0, "upload"),
                    new StatusChange("processing", T0.plusSeconds(1), null),
                    new StatusChange("failed", T0.plusSeconds(2), "DEPENDENCY_UNAVAILABLE"),
                    new StatusChange("halted", T0.plusSeconds(3), null));
        }

        @Test
        void refusesAMoveTheLifecycleDoesNotAllow() {
            runs.create(Fixtures.run("r-1", "zips", T0));

            assertThatThrownBy(() -> runs.transition("r-1", RunStatus.VALIDATING,
                    RunStatus.COMPLETED, T0, null))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Run r-1 cannot move from validating to completed: validating may"
                            + " only move to failed or processing.");
        }

        @Test
        void refusesAnyMoveOutOfAFinalStatus() {
            assertThatThrownBy(() -> runs.transition("r-1", RunStatus.COMPLETED,
                    RunStatus.IMPORTING, T0, null))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("Run r-1 cannot move from completed to importing: completed is"
                            + " final and allows no further status.");
        }

        @Test
        void failsTheSecondWriterWhenBothReadTheSameStatus() {
            runs.create(Fixtures.run("r-1", "zips", T0));
            runs.transition("r-1", RunStatus.VALIDATING, RunStatus.PROCESSING, T0, null);

            assertThatThrownBy(() -> runs.transition("r-1", RunStatus.VALIDATING,
                    RunStatus.FAILED, T0, Fixtures.timeout()))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Run r-1 is no longer validating (it is processing): another"
                            + " writer changed it first, so the move to failed was not made."
                            + " Read it again and decide whether the move still applies.");
            assertThat(runs.find("r-1").orElseThrow().reason()).isNull();
        }

        @Test
        void letsExactlyOneOfManyConnectionsWin() throws Exception {
            runs.create(Fixtures.run("r-1", "zips", T0));
            int writers = 6;
            List<SqliteDatabase> connections = new ArrayList<>();
            for (int index = 0; index < writers; index++) {
                connections.add(SqliteDatabase.open(folder.resolve("intake.db")));
            }

            List<String> outcomes = race(connections);

            connections.forEach(SqliteDatabase::close);
            assertThat(outcomes).containsOnlyOnce("moved")
                    .filteredOn("conflict"::equals).hasSize(writers - 1);
            assertThat(runs.find("r-1").orElseThrow().history()).hasSize(2);
        }

        @Test
        void reportsAnUnknownRunAsAConflict() {
            assertThatThrownBy(() -> runs.transition("ghost", RunStatus.VALIDATING,
                    RunStatus.PROCESSING, T0, null))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Run ghost does not exist, so it cannot move from validating to"
                            + " processing.");
        }

        private List<String> race(List<SqliteDatabase> connections) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(connections.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (SqliteDatabase connection : connections) {
                    SqliteRunStore store = new SqliteRunStore(connection);
                    Callable<String> move = () -> {
                        start.await();
                        try {
                            store.transition("r-1", RunStatus.VALIDATING, RunStatus.PROCESSING,
                                    T0.plusSeconds(1), null);
                            return "moved";
                        } catch (ConflictException e) {
                            return "conflict";
                        }
                    };
                    futures.add(pool.submit(move));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> future : futures) {
                    outcomes.add(future.get());
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Records {

        @Test
        void storesCountsAndTheFailedRecordsKeyWithoutChangingTheStatus() {
            runs.create(Fixtures.run("r-1", "zips", T0));

            Run run = runs.recordResults("r-1", new RunCounts(10, 8, 7, 2, 1),
                    "failed/zips/r-1.csv");

            assertThat(run.counts()).isEqualTo(new RunCounts(10, 8, 7, 2, 1));
            assertThat(run.failedRecordsKey()).isEqualTo("failed/zips/r-1.csv");
            assertThat(run.status()).isEqualTo(RunStatus.VALIDATING);
        }

        @Test
        void setsAndClearsTheNextRerun() {
            runs.create(Fixtures.run("r-1", "zips", T0));
            Instant next = T0.plusSeconds(900);

            assertThat(runs.recordNextRerun("r-1", next).nextRerunAt()).isEqualTo(next);
            assertThat(runs.recordNextRerun("r-1", null).nextRerunAt()).isNull();
        }

        @Test
        void keepsNotesInOrderBesideTheRun() {
            runs.create(Fixtures.run("r-1", "zips", T0));

            runs.recordNote("r-1", "MAIL_REFUSED", "ops@example.com is not verified", T0);
            runs.recordNote("r-1", "MAIL_REFUSED", "second try refused", T0.plusSeconds(1));

            assertThat(runs.notes("r-1")).containsExactly(
                    new RunNote("MAIL_REFUSED", "ops@example.com is not verified", T0),
                    new RunNote("MAIL_REFUSED", "second try refused", T0.plusSeconds(1)));
        }

        @Test
        void refusesToRecordOnAnUnknownRun() {
            String message = "Run ghost does not exist; create it before recording anything on it.";

            assertThatThrownBy(() -> runs.recordResults("ghost", RunCounts.NONE, null))
                    .isInstanceOf(ConflictException.class).hasMessage(message);
            assertThatThrownBy(() -> runs.recordNextRerun("ghost", T0))
                    .isInstanceOf(ConflictException.class).hasMessage(message);
            assertThatThrownBy(() -> runs.recordNote("ghost", "X", "y", T0))
                    .isInstanceOf(ConflictException.class).hasMessage(message);
        }
    }

    @Test
    void keepsNanosecondsOfEveryTime() {
        Instant precise = Instant.parse("2026-12-04T06:00:00.123456789Z");

        runs.create(Fixtures.run("r-1", "zips", precise));

        assertThat(runs.find("r-1").orElseThrow().history().get(0).at()).isEqualTo(precise);
    }

    @Test
    void storesTheReasonOfAFailedValidation() {
        runs.create(Fixtures.run("r-1", "zips", T0));

        Run failed = runs.transition("r-1", RunStatus.VALIDATING, RunStatus.FAILED, T0,
                new FailureReason("EMPTY_FILE", "zips.csv has no rows."));

        assertThat(failed.reason())
                .isEqualTo(new FailureReason("EMPTY_FILE", "zips.csv has no rows."));
    }
}
