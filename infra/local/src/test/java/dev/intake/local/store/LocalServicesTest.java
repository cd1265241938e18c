package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.MutableClock;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.Mailer.Email;
import dev.intake.port.Mailer.MailRefusedException;
import dev.intake.run.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServicesTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void laysOutTheStateDirectory() {
        StateDirectory state = StateDirectory.at(folder.resolve("state"));

        try (LocalServices services = LocalServices.open(state, clock)) {
            services.jobs().create(Fixtures.storeLocations(WriteMode.REPLACE), T0, "cli");
        }

        assertThat(state.root()).isEqualTo(folder.resolve("state").toAbsolutePath());
        assertThat(state.buckets()).isDirectory();
        assertThat(state.outbox()).isDirectory();
        assertThat(state.database()).isRegularFile().hasFileName("intake.db");
    }

    @Test
    void resolvesToDotIntakeWhenNoFolderIsGiven() {
        assertThat(StateDirectory.DEFAULT).isEqualTo(Path.of(".intake"));
    }

    @Test
    void keepsEverythingAcrossAReopen() throws IOException {
        StateDirectory state = StateDirectory.at(folder);
        try (LocalServices services = LocalServices.open(state, clock)) {
            services.jobs().create(Fixtures.storeLocations(WriteMode.REPLACE), T0, "cli");
            services.runs().create(Fixtures.run("r-1", "store-locations", T0));
            try (OutputStream out = services.objects().create("intake-local", "k.csv", null)) {
                out.write('x');
            }
        }

        try (LocalServices services = LocalServices.open(StateDirectory.at(folder), clock)) {
            assertThat(services.jobs().find("store-locations")).isPresent();
            assertThat(services.runs().find("r-1")).isPresent();
            assertThat(services.objects().head("intake-local", "k.csv")).isPresent();
        }
    }

    @Test
    void refusesTheRecipientsListedInTheStateDirectory() throws IOException {
        StateDirectory state = StateDirectory.at(folder);
        Files.writeString(state.refusedRecipients(), "ops@example.com\n");

        try (LocalServices services = LocalServices.open(state, clock)) {
            Email email = new Email(List.of("ops@example.com"), "s", "t", "h", "k");

            assertThatThrownBy(() -> services.mailer().send(email))
                    .isInstanceOf(MailRefusedException.class);
        }
    }

    @Test
    void createsTheSchemaAnyClientCanRead() throws Exception {
        StateDirectory state = StateDirectory.at(folder);
        LocalServices.open(state, clock).close();

        List<String> tables = new ArrayList<>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + state.database());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_schema"
                        + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }

        assertThat(tables).containsExactly("intake_job_status_history", "intake_jobs",
                "intake_pending_files", "intake_processed_events", "intake_run_notes",
                "intake_run_status_history", "intake_runs", "intake_schedules");
    }

    @Test
    void refusesADatabaseWrittenByANewerSchema() throws Exception {
        StateDirectory state = StateDirectory.at(folder);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + state.database());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("PRAGMA user_version = 99");
        }

        assertThatThrownBy(() -> LocalServices.open(state, clock))
                .isInstanceOf(LocalStoreException.class)
                .hasMessage("Local database " + state.database() + " has schema version 99"
                        + " but this Intake knows versions up to 2; use a newer Intake or another"
                        + " state directory.");
    }

    @Test
    void upgradesAVersionOneDatabaseKeepingItsRunsInTheOrderTheyWereCreated() throws Exception {
        StateDirectory state = StateDirectory.at(folder);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + state.database());
                Statement statement = connection.createStatement()) {
            for (String sql : versionOneSchema().split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.executeUpdate(sql);
                }
            }
            statement.executeUpdate("PRAGMA user_version = 1");
            statement.executeUpdate("INSERT INTO intake_runs (id, job_id, attempt, trigger, status,"
                    + " started_at) VALUES ('r-rerun', 'zips', 2, 'rerun', 'failed',"
                    + " '2026-12-04T09:15:00Z'), ('r-later', 'zips', 1, 'upload', 'completed',"
                    + " '2026-12-04T08:01:00Z')");
        }

        try (LocalServices services = LocalServices.open(state, clock)) {
            services.runs().create(Fixtures.run("r-new", "zips", T0));

            assertThat(services.runs().listByJob("zips", 5)).extracting(Run::id)
                    .containsExactly("r-new", "r-later", "r-rerun");
        }
    }

    private static String versionOneSchema() throws IOException {
        try (var in = SqliteDatabase.class.getResourceAsStream("schema-v1.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
