package dev.intake.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import dev.intake.run.Trigger;
import dev.intake.schedule.InProcessJobSchedules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeLoopTest {

    private static final Path DEMO = Path.of("src/main/resources/demo");
    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @TempDir
    Path state;

    private final SettableClock clock = new SettableClock(T0);
    private final List<String> lines = new ArrayList<>();
    private LocalRuntime runtime;
    private ServeLoop loop;

    @BeforeEach
    void open() {
        runtime = LocalRuntime.open(state,
                new LocalRuntime.Options(LocalRuntime.ClockMode.VIRTUAL, null, T0));
        loop = new ServeLoop(runtime, new InProcessJobSchedules(clock), lines::add);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Nested
    class Inbox {

        @Test
        void aDroppedFileIsImportedOnceAndMovedAside() throws Exception {
            runtime.activate(runtime.createJob(DEMO.resolve("contacts.yaml")).id());
            Path dropped = loop.inbox().resolve("contacts/contacts.csv");
            Files.createDirectories(dropped.getParent());
            Files.copy(DEMO.resolve("contacts.csv"), dropped);

            List<Run> first = loop.tick();
            List<Run> second = loop.tick();

            assertThat(first).extracting(Run::status)
                    .containsExactly(RunStatus.PARTIALLY_COMPLETED);
            assertThat(second).isEmpty();
            assertThat(dropped).doesNotExist();
            assertThat(loop.inbox().resolve("contacts/imported/contacts.csv"))
                    .hasSameBinaryContentAs(DEMO.resolve("contacts.csv"));
            assertThat(lines).containsExactly("contacts  " + first.get(0).id()
                    + "  attempt 1  partially_completed  (" + dropped + ")");
        }
    }

    @Nested
    class Schedules {

        @Test
        void anActiveJobRunsAtItsDueTimeOnItsNewestFile() {
            String jobId = runtime.createJob(DEMO.resolve("warehouse-stock.yaml")).id();
            // Uploaded while Draft: the file waits in the bucket for the schedule.
            assertThat(runtime.upload(jobId, DEMO.resolve("warehouse-stock.csv"))).isEmpty();
            runtime.activate(jobId);
            loop.tick();

            // cron(0 2 * * ? *) in Europe/Paris: 01:00 UTC in December.
            clock.set(Instant.parse("2026-12-05T01:00:30Z"));
            List<Run> runs = loop.tick();

            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(runs.get(0).source().key()).isEqualTo("incoming/warehouse-stock/"
                    + "warehouse-stock.csv");
            assertThat(lines).last().asString().endsWith("(schedule 2026-12-05T01:00:00Z)");
        }

        @Test
        void aDueTimeWhoseNewestFileWasImportedAlreadySaysSo() {
            String jobId = runtime.createJob(DEMO.resolve("warehouse-stock.yaml")).id();
            runtime.activate(jobId);
            runtime.upload(jobId, DEMO.resolve("warehouse-stock.csv"));
            loop.tick();

            clock.set(Instant.parse("2026-12-05T01:00:30Z"));

            assertThat(loop.tick()).isEmpty();
            assertThat(lines).containsExactly("warehouse-stock  no run  (schedule"
                    + " 2026-12-05T01:00:00Z: no file under the prefix that is not imported"
                    + " already)");
        }

        @Test
        void aPausedJobDoesNotFire() {
            String jobId = runtime.createJob(DEMO.resolve("warehouse-stock.yaml")).id();
            runtime.activate(jobId);
            loop.tick();
            runtime.pause(jobId);

            clock.set(Instant.parse("2026-12-05T01:00:30Z"));

            assertThat(loop.tick()).isEmpty();
        }
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
