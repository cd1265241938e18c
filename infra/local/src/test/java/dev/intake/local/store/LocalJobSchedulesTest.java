package dev.intake.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobDefinition.Schedule;
import dev.intake.port.JobSchedules.State;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJobSchedulesTest {

    private static final Schedule DAILY =
            new Schedule("recurring", "cron(0 6 * * ? *)", null, "Europe/Paris");
    private static final Schedule ONCE =
            new Schedule("one-time", null, "2026-12-24T06:00:00", "UTC");

    @TempDir
    Path folder;

    private SqliteDatabase database;
    private LocalJobSchedules schedules;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("intake.db"));
        schedules = new LocalJobSchedules(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void putStoresTheScheduleEnabled() {
        schedules.put("zips", DAILY);

        assertThat(schedules.find("zips")).contains(new State(DAILY, true));
    }

    @Test
    void disableKeepsEveryOtherFieldAndEnableRestoresIt() {
        schedules.put("zips", DAILY);

        schedules.disable("zips");
        State disabled = schedules.find("zips").orElseThrow();
        schedules.enable("zips");

        assertThat(disabled).isEqualTo(new State(DAILY, false));
        assertThat(schedules.find("zips")).contains(new State(DAILY, true));
    }

    @Test
    void putReplacesTheScheduleAndEnablesIt() {
        schedules.put("zips", DAILY);
        schedules.disable("zips");

        schedules.put("zips", ONCE);

        assertThat(schedules.find("zips")).contains(new State(ONCE, true));
    }

    @Test
    void enableAndDisableOfAJobWithoutScheduleChangeNothing() {
        schedules.disable("uploads-only");
        schedules.enable("uploads-only");

        assertThat(schedules.find("uploads-only")).isEmpty();
        assertThat(schedules.list()).isEmpty();
    }

    @Test
    void deleteRemovesTheSchedule() {
        schedules.put("zips", DAILY);

        schedules.delete("zips");

        assertThat(schedules.find("zips")).isEmpty();
    }

    @Test
    void listsEveryScheduleByJobId() {
        schedules.put("zips", DAILY);
        schedules.put("airports", ONCE);
        schedules.disable("airports");

        assertThat(schedules.list()).containsExactly(
                new LocalJobSchedules.Entry("airports", new State(ONCE, false)),
                new LocalJobSchedules.Entry("zips", new State(DAILY, true)));
    }
}
