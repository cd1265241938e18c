package dev.intake.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.FakeJobSchedules;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.MutableClock;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobLifecycle;
import dev.intake.job.JobStatus;
import dev.intake.port.IllegalTransitionException;
import dev.intake.run.FailureReason;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.StatusChange;
import dev.intake.sampling.SampleReport.ColumnMapping;
import dev.intake.sampling.SampleReport.Match;
import dev.intake.sampling.SampleReport.SampleError;
import dev.intake.sampling.SampleReport.SampleRow;
import dev.intake.testing.TestJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SampleServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final JobLifecycle lifecycle = new JobLifecycle(jobs, new FakeJobSchedules(),
            new InMemoryPendingFiles(), clock);
    private final SampleService service = new SampleService(jobs, lifecycle, clock, 3);

    private static final List<ColumnMapping> AIRPORT_COLUMNS = List.of(
            new ColumnMapping(1, "iata", "iata", Match.EXACT),
            new ColumnMapping(2, "name", null, Match.UNMAPPED),
            new ColumnMapping(3, "city", "City", Match.CASE_DIFFERENCE),
            new ColumnMapping(4, "state", "state", Match.EXACT),
            new ColumnMapping(5, "country", "country", Match.EXACT),
            new ColumnMapping(6, "latitude", "latitude", Match.EXACT),
            new ColumnMapping(7, "longitude", "lon", Match.ALIAS));

    @Nested
    class ReadableSample {

        @Test
        void showsTheMisnamedColumnAndEveryWrongTypeWithItsValue() {
            JobDefinition job = draft("airports-misnamed.yaml");

            SampleReport report = service.sample(job.id(), airportsHead(5), "ana");

            assertThat(report.columns()).isEqualTo(AIRPORT_COLUMNS);
            assertThat(report.fieldsWithoutColumn()).containsExactly("airport_name");
            String fix = " is not a whole number; write digits only, such as 42";
            assertThat(report.errors()).containsExactly(
                    new SampleError(2, "latitude", "INVALID_INTEGER",
                            "latitude: \"31.95376472\"" + fix),
                    new SampleError(3, "latitude", "INVALID_INTEGER",
                            "latitude: \"30.68586111\"" + fix),
                    new SampleError(4, "latitude", "INVALID_INTEGER",
                            "latitude: \"38.94574889\"" + fix),
                    new SampleError(5, "latitude", "INVALID_INTEGER",
                            "latitude: \"42.74134667\"" + fix),
                    new SampleError(6, "latitude", "INVALID_INTEGER",
                            "latitude: \"30.6880125\"" + fix));
            assertThat(report.counts()).isEqualTo(new RunCounts(5, 0, 0, 5, 0));
            assertThat(report.failedPercent()).isEqualByComparingTo("100.00");
            assertThat(report.rows()).isEmpty();
            assertThat(report.wouldEnd()).isEqualTo(RunStatus.FAILED);
            assertThat(report.wouldFail()).isEqualTo(new FailureReason("NO_VALID_ROWS",
                    "none of the 5 rows is valid; see the failed records for what to fix"));
        }

        @Test
        void returnsTheJobToDraftWithASummaryOfTheSample() {
            JobDefinition job = draft("airports-misnamed.yaml");

            SampleReport report = service.sample(job.id(), airportsHead(5), "ana");

            assertThat(report.jobStatus()).isEqualTo(JobStatus.DRAFT);
            assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.DRAFT);
            assertThat(jobs.history(job.id())).extracting(StatusChange::status, StatusChange::cause)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("draft", "seeded by the test"),
                            org.assertj.core.groups.Tuple.tuple("sampling", "ana"),
                            org.assertj.core.groups.Tuple.tuple("draft", "ana: sample "
                                    + "airports-head.csv: 5 rows read, 0 valid, 5 failed, 0 "
                                    + "duplicates (100.00% failed); a run would end failed"));
        }

        @Test
        void showsTheFirstRowsAsTheyWouldBeStored() {
            JobDefinition job = draft("airports-fixed.yaml");

            SampleReport report = service.sample(job.id(), airportsHead(5), "ana");

            assertThat(report.rows()).containsExactly(
                    new SampleRow(2, airport("00M", "Bay Springs", "MS", "31.95376472",
                            "-89.23450472")),
                    new SampleRow(3, airport("00R", "Livingston", "TX", "30.68586111",
                            "-95.01792778")),
                    new SampleRow(4, airport("00V", "Colorado Springs", "CO", "38.94574889",
                            "-104.5698933")));
            assertThat(report.errors()).isEmpty();
            assertThat(report.counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
            assertThat(report.wouldEnd()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.wouldFail()).isNull();
        }

        @Test
        void countsDuplicatesAndFailuresAsTheRealRunWould() {
            JobDefinition job = draft("airports-fixed.yaml");

            SampleReport report = service.sample(job.id(), file("airports-mixed.csv"), "ana");

            assertThat(report.columns().get(3))
                    .isEqualTo(new ColumnMapping(4, " State ", "state",
                            Match.WHITESPACE_DIFFERENCE));
            assertThat(report.errors()).containsExactly(
                    new SampleError(3, "iata", "PATTERN_MISMATCH",
                            "iata: \"0x\" does not match pattern ^[A-Z0-9]{3,4}$"),
                    new SampleError(3, "latitude", null,
                            "latitude: \"91\" is above the maximum 90"));
            assertThat(report.counts()).isEqualTo(new RunCounts(5, 4, 3, 1, 1));
            assertThat(report.failedPercent()).isEqualByComparingTo("20.00");
            assertThat(report.rows()).extracting(SampleRow::line).containsExactly(4L, 5L, 6L);
            assertThat(report.rows().get(1).values().get("latitude"))
                    .isEqualTo(new BigDecimal("31.9"));
            assertThat(report.wouldEnd()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
        }

        @Test
        void canBeTakenAgainAfterTheDefinitionIsFixed() {
            JobDefinition job = draft("airports-misnamed.yaml");
            service.sample(job.id(), airportsHead(5), "ana");

            lifecycle.redefine(TestJobs.job(resource("airports-fixed.yaml")), "ana");
            SampleReport again = service.sample(job.id(), airportsHead(5), "ana");

            assertThat(again.counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
        }
    }

    @Nested
    class UnreadableSample {

        @Test
        void windows1252DeclaredAsUtf8FailsSamplingNamingTheLineAndByte() {
            JobDefinition job = draft("volunteers.yaml");
            byte[] bytes = concat("id,role\n1,B".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xE9, 'n', (byte) 0xE9, 'v', 'o', 'l', 'e', '\n'});

            SampleReport report = service.sample(job.id(), SampleFile.of("volunteers.csv", bytes),
                    "ana");

            String message = "file volunteers.csv, line 2: byte 12 (0xE9) is not valid UTF-8; "
                    + "save the file as UTF-8, or declare its encoding in format.encoding (for "
                    + "example windows-1252)";
            assertThat(report.unreadable()).isEqualTo(new FailureReason("ENCODING", message));
            assertThat(report.jobStatus()).isEqualTo(JobStatus.SAMPLING_FAILED);
            assertThat(jobs.find(job.id()).orElseThrow().status())
                    .isEqualTo(JobStatus.SAMPLING_FAILED);
            assertThat(lastCause(job)).isEqualTo("ana: ENCODING: " + message);
            assertThat(report.columns()).isEmpty();
            assertThat(report.rows()).isEmpty();
        }

        @Test
        void aMissingRequiredColumnFailsSamplingWithTheReadersReason() {
            JobDefinition job = draft("volunteers.yaml");

            SampleReport report = service.sample(job.id(), SampleFile.of("volunteers.csv",
                    "id;role\n1;driver\n".getBytes(StandardCharsets.UTF_8)), "ana");

            assertThat(report.unreadable()).isEqualTo(new FailureReason("MISSING_COLUMN",
                    "file volunteers.csv, line 1: required columns id, role missing; the header "
                            + "reads \"id;role\". Add the column, or check format.delimiter and "
                            + "the column names"));
        }

        @Test
        void anEmptyFileFailsSampling() {
            JobDefinition job = draft("volunteers.yaml");

            SampleReport report = service.sample(job.id(), SampleFile.of("empty.csv",
                    new byte[0]), "ana");

            assertThat(report.unreadable()).isEqualTo(new FailureReason("EMPTY_FILE",
                    "file empty.csv: the file is empty (0 bytes); upload a file with a header "
                            + "and rows"));
            assertThat(report.jobStatus()).isEqualTo(JobStatus.SAMPLING_FAILED);
        }

        @Test
        void aJobWhoseSamplingFailedCanBeSampledAgain() {
            JobDefinition job = draft("volunteers.yaml");
            service.sample(job.id(), SampleFile.of("empty.csv", new byte[0]), "ana");

            SampleReport report = service.sample(job.id(), SampleFile.of("volunteers.csv",
                    "id,role\n1,driver\n".getBytes(StandardCharsets.UTF_8)), "ana");

            assertThat(report.jobStatus()).isEqualTo(JobStatus.DRAFT);
            assertThat(report.rows()).containsExactly(new SampleRow(2,
                    Map.of("id", 1L, "role", "driver")));
        }
    }

    @Nested
    class Refusals {

        @Test
        void anActiveJobCannotBeSampled() {
            JobDefinition job = TestJobs.job(resource("volunteers.yaml"));
            jobs.seed(job, JobStatus.ACTIVE, T0);

            assertThatThrownBy(() -> service.sample(job.id(), SampleFile.of("v.csv",
                    "id,role\n1,x\n".getBytes(StandardCharsets.UTF_8)), "ana"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job \"volunteers\" is Active; it cannot be sampled. An active "
                            + "job can be paused or halted, and completed when it is one-time.");
        }

        @Test
        void aSampleThatCannotBeOpenedLeavesTheJobSamplingFailed() {
            JobDefinition job = draft("volunteers.yaml");
            SampleFile gone = new SampleFile("gone.csv", 10, () -> {
                throw new UncheckedIOException("cannot read sample file gone.csv",
                        new IOException("No such file"));
            });

            assertThatThrownBy(() -> service.sample(job.id(), gone, "ana"))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(jobs.find(job.id()).orElseThrow().status())
                    .isEqualTo(JobStatus.SAMPLING_FAILED);
            assertThat(lastCause(job)).isEqualTo("ana: the sample gone.csv could not be checked: "
                    + "cannot read sample file gone.csv");
        }
    }

    private JobDefinition draft(String resource) {
        JobDefinition job = TestJobs.job(resource(resource));
        jobs.seed(job, JobStatus.DRAFT, T0);
        return job;
    }

    private String lastCause(JobDefinition job) {
        List<StatusChange> history = jobs.history(job.id());
        return history.get(history.size() - 1).cause();
    }

    private static Map<String, Object> airport(String iata, String city, String state,
            String latitude, String longitude) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("iata", iata);
        values.put("City", city);
        values.put("state", state);
        values.put("country", "USA");
        values.put("latitude", new BigDecimal(latitude));
        values.put("lon", new BigDecimal(longitude));
        return values;
    }

    /** The header and the first rows of the repository's airports dataset. */
    private static SampleFile airportsHead(int rows) {
        try {
            List<String> lines = Files.readAllLines(TestJobs.datasets().resolve("airports.csv"));
            return SampleFile.of("airports-head.csv", (String.join("\n",
                    lines.subList(0, rows + 1)) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SampleFile file(String name) {
        try (InputStream in = SampleServiceTest.class.getResourceAsStream("/sampling/" + name)) {
            return SampleFile.of(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = file(name).bytes().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
