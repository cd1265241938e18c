package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.run.SourceObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePendingFilesTest {

    private static final SourceObject JANUARY =
            new SourceObject("intake-local", "incoming/zips/2026-01.csv", "1", "etag-1", 10);
    private static final SourceObject FEBRUARY =
            new SourceObject("intake-local", "incoming/zips/2026-02.csv", "1", "etag-2", 20);

    @TempDir
    Path folder;

    private SqliteDatabase database;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("intake.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Nested
    class PendingFiles {

        private SqlitePendingFiles pending;

        @BeforeEach
        void create() {
            pending = new SqlitePendingFiles(database);
        }

        @Test
        void listsAJobsFilesInArrivalOrder() {
            pending.add("zips", FEBRUARY, T0);
            pending.add("airports", JANUARY, T0.plusSeconds(1));
            pending.add("zips", JANUARY, T0.plusSeconds(2));

            assertThat(pending.list("zips")).containsExactly(
                    new PendingFile(1, "zips", FEBRUARY, T0),
                    new PendingFile(3, "zips", JANUARY, T0.plusSeconds(2)));
        }

        @Test
        void keepsTheSameVersionOnceAndANewVersionAgain() {
            SourceObject secondVersion = new SourceObject(JANUARY.bucket(), JANUARY.key(), "2",
                    "etag-3", 11);

            boolean first = pending.add("zips", JANUARY, T0);
            boolean redelivered = pending.add("zips", JANUARY, T0.plusSeconds(5));
            boolean newVersion = pending.add("zips", secondVersion, T0.plusSeconds(9));

            assertThat(first).isTrue();
            assertThat(redelivered).isFalse();
            assertThat(newVersion).isTrue();
            assertThat(pending.list("zips")).extracting(file -> file.source().version())
                    .containsExactly("1", "2");
        }

        @Test
        void knowsAnUnversionedObjectByItsEtag() {
            SourceObject unversioned = new SourceObject("b-1", "k.csv", null, "etag-9", 1);

            pending.add("zips", unversioned, T0);

            assertThat(pending.add("zips", unversioned, T0)).isFalse();
            assertThat(pending.list("zips").get(0).source())
                    .isEqualTo(new SourceObject("b-1", "k.csv", "etag-9", "etag-9", 1));
        }

        @Test
        void removesAFileOnce() {
            pending.add("zips", JANUARY, T0);
            long sequence = pending.list("zips").get(0).sequence();

            assertThat(pending.remove(sequence)).isTrue();
            assertThat(pending.remove(sequence)).isFalse();
            assertThat(pending.list("zips")).isEmpty();
        }
    }

    @Nested
    class ProcessedEvents {

        private SqliteProcessedEvents events;

        @BeforeEach
        void create() {
            events = new SqliteProcessedEvents(database);
        }

        @Test
        void acceptsAnEventOnceAndRemembersItsRun() {
            String key = "intake-local/incoming/zips/2026-01.csv#1";

            assertThat(events.markProcessed(key, "r-1", T0)).isTrue();
            assertThat(events.markProcessed(key, "r-2", T0.plusSeconds(1))).isFalse();
            assertThat(events.isProcessed(key)).isTrue();
            assertThat(events.runOf(key)).contains("r-1");
        }

        @Test
        void knowsNothingOfAnUnseenEvent() {
            assertThat(events.isProcessed("never")).isFalse();
            assertThat(events.runOf("never")).isEmpty();
        }
    }
}
