package dev.intake.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.arrival.ArrivalDecision;
import dev.intake.arrival.PickupDecision;
import dev.intake.fake.MutableClock;
import dev.intake.job.JobStatus;
import dev.intake.local.runtime.LocalAws;
import dev.intake.local.runtime.LocalRuntime;
import dev.intake.local.serve.LocalServer.Tick;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import dev.intake.schedule.Firing;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** intake serve's work, tick by tick, on the real local runtime and a clock the test moves. */
class LocalServerTest {

    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");
    private static final Path RESOURCES = Path.of("src/test/resources/serve");

    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(START);
    private LocalRuntime runtime;
    private LocalServer server;

    @BeforeEach
    void openRuntime() {
        runtime = LocalRuntime.open(state,
                new LocalRuntime.Options(LocalRuntime.ClockMode.VIRTUAL, null, START));
        server = new LocalServer(ServeParts.over(runtime.services(), LocalAws.BUCKET, clock,
                runtime::startRun));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    private String createJob() {
        return runtime.createJob(RESOURCES.resolve("stores-every-minute.yaml")).id();
    }

    private String createUploadJob() {
        return runtime.createJob(RESOURCES.resolve("stores-on-upload.yaml")).id();
    }

    private Path dropped(String name) {
        return state.resolve("buckets").resolve(LocalAws.BUCKET).resolve("incoming/stores")
                .resolve(name);
    }

    private Path drop(String name) throws IOException {
        Path file = dropped(name);
        Files.createDirectories(file.getParent());
        return Files.copy(RESOURCES.resolve("stores.csv"), file);
    }

    private Tick tickAfter(Duration wait) {
        clock.advance(wait);
        return server.tick();
    }

    @Nested
    class DroppedFile {

        @Test
        void isImportedOnceItsSizeHoldsStillForAPoll() throws IOException {
            runtime.activate(createUploadJob());
            drop("monday.csv");

            Tick first = server.tick();
            Tick second = tickAfter(Duration.ofSeconds(1));

            assertThat(first.isEmpty()).isTrue();
            assertThat(second.arrivals()).hasSize(1);
            LocalServer.Arrival arrival = second.arrivals().get(0);
            assertThat(arrival.decision()).isInstanceOf(ArrivalDecision.Import.class);
            assertThat(arrival.attempts()).hasSize(1);
            Run run = arrival.attempts().get(0);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.trigger()).isEqualTo(Trigger.UPLOAD);
            assertThat(run.source().key()).isEqualTo("incoming/stores/monday.csv");
            assertThat(run.counts()).isEqualTo(new RunCounts(3, 3, 3, 0, 0));
            assertThat(tickAfter(Duration.ofSeconds(1)).isEmpty()).isTrue();
        }

        @Test
        void isNotTakenWhileItIsStillBeingWritten() throws IOException {
            runtime.activate(createUploadJob());
            Path file = dropped("big.csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "zip_code,city,latitude\n00501,Holtsville,40.8154\n");

            server.tick();
            try (OutputStream more = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                more.write("10001,New York,40.7484\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            Tick whileWriting = tickAfter(Duration.ofSeconds(1));
            Tick afterwards = tickAfter(Duration.ofSeconds(1));

            assertThat(whileWriting.arrivals()).isEmpty();
            assertThat(afterwards.arrivals()).hasSize(1);
            assertThat(afterwards.arrivals().get(0).attempts().get(0).counts())
                    .isEqualTo(new RunCounts(2, 2, 2, 0, 0));
        }

        @Test
        void isPendingForAPausedJobAndReportedForADraftOne() throws IOException {
            String jobId = createUploadJob();
            drop("draft.csv");
            server.tick();
            Tick draft = tickAfter(Duration.ofSeconds(1));
            runtime.activate(jobId);
            runtime.pause(jobId);
            drop("paused.csv");
            server.tick();
            Tick paused = tickAfter(Duration.ofSeconds(1));

            assertThat(draft.arrivals().get(0).decision().message()).isEqualTo("job stores is "
                    + "Draft; the file incoming/stores/draft.csv is kept; activate the job to "
                    + "import it");
            assertThat(paused.arrivals().get(0).decision())
                    .isInstanceOf(ArrivalDecision.Pending.class);
            assertThat(new LocalPendingFiles(runtime.services().pendingFiles()).list(jobId))
                    .extracting(pending -> pending.object().key())
                    .containsExactly("incoming/stores/paused.csv");
            assertThat(runtime.runs(jobId)).isEmpty();
        }
    }

    @Nested
    class Schedule {

        @Test
        void aJobOnRateOneMinuteFiresOnTheMinute() throws IOException {
            String jobId = createJob();
            runtime.activate(jobId);
            Tick atStart = server.tick();

            Tick early = tickAfter(Duration.ofSeconds(59));
            drop("tuesday.csv");
            Tick onTime = tickAfter(Duration.ofSeconds(1));

            // The rate counts from when serve put the schedule, and fires at that moment first.
            assertThat(atStart.firings()).extracting(run -> run.firing().dueAt(),
                    run -> run.decision().getClass().getSimpleName())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(START, "NothingNew"));
            assertThat(early.firings()).isEmpty();
            assertThat(onTime.firings()).hasSize(1);
            LocalServer.ScheduledRun fired = onTime.firings().get(0);
            assertThat(fired.firing()).isEqualTo(new Firing(jobId, START.plusSeconds(60)));
            assertThat(fired.decision()).isInstanceOf(PickupDecision.Import.class);
            assertThat(fired.attempts()).extracting(Run::trigger, Run::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Trigger.SCHEDULE,
                            RunStatus.COMPLETED));
            assertThat(server.nextRun(jobId)).contains(START.plusSeconds(120));
        }

        @Test
        void aFileTheScheduleImportedIsNotImportedAgainWhenTheWatcherSeesIt() throws IOException {
            String jobId = createJob();
            runtime.activate(jobId);
            server.tick();
            drop("tuesday.csv");

            tickAfter(Duration.ofSeconds(60));
            Tick watcherSees = tickAfter(Duration.ofSeconds(1));

            assertThat(watcherSees.arrivals()).hasSize(1);
            assertThat(runtime.runs(jobId)).hasSize(1);
            assertThat(server.counts().runsStarted()).isEqualTo(1);
        }

        @Test
        void findsNothingNewWhenTheNewestFileWasImported() throws IOException {
            String jobId = createJob();
            runtime.activate(jobId);
            drop("monday.csv");
            server.tick();
            tickAfter(Duration.ofSeconds(1));

            Tick onTime = tickAfter(Duration.ofSeconds(59));

            PickupDecision decision = onTime.firings().get(0).decision();
            assertThat(decision).isInstanceOf(PickupDecision.NothingNew.class);
            assertThat(((PickupDecision.NothingNew) decision).importedBy())
                    .isEqualTo(runtime.runs(jobId).get(0).id());
            assertThat(server.counts().nothingNew()).isEqualTo(1);
        }

        @Test
        void firesAgainOnceTheJobIsReactivated() {
            String jobId = createJob();
            runtime.activate(jobId);
            server.tick();
            runtime.pause(jobId);
            tickAfter(Duration.ofSeconds(30));

            runtime.reactivate(jobId);
            server.tick();

            // The rate keeps the grid it had from when serve put it, as on AWS.
            assertThat(server.nextRun(jobId)).contains(START.plusSeconds(60));
        }

        @Test
        void aOneTimeJobImportsItsFileAtItsTimeThenIsCompleted() throws IOException {
            String jobId = runtime.createJob(RESOURCES.resolve("stores-once.yaml")).id();
            runtime.activate(jobId);
            Path file = state.resolve("buckets").resolve(LocalAws.BUCKET)
                    .resolve("incoming/xmas/list.csv");
            Files.createDirectories(file.getParent());
            Files.copy(RESOURCES.resolve("stores.csv"), file);
            server.tick();
            tickAfter(Duration.ofSeconds(1));

            Tick atTime = tickAfter(Duration.ofMinutes(2));

            assertThat(atTime.firings()).hasSize(1);
            assertThat(atTime.firings().get(0).decision())
                    .isInstanceOf(PickupDecision.NothingNew.class);
            assertThat(runtime.job(jobId).status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(server.nextRun(jobId)).isEmpty();
        }

        @Test
        void stopsFiringOnceTheJobIsPaused() {
            String jobId = createJob();
            runtime.activate(jobId);
            server.tick();
            runtime.pause(jobId);

            Tick later = tickAfter(Duration.ofMinutes(5));

            assertThat(later.firings()).isEmpty();
            assertThat(server.nextRun(jobId)).isEmpty();
            assertThat(runtime.job(jobId).status()).isEqualTo(JobStatus.PAUSED);
        }
    }

}
