package dev.intake.pipeline;

import static dev.intake.testing.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobDefinition;
import dev.intake.read.SourceRow;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.testing.InMemoryDestinationStore;
import dev.intake.testing.InMemoryJobStore;
import dev.intake.testing.InMemoryObjectStore;
import dev.intake.testing.InMemoryRunStore;
import dev.intake.testing.TestJobs;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PipelineStepsTest {

    static final String BUCKET = "intake";

    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final InMemoryRunStore runs = new InMemoryRunStore();
    final InMemoryJobStore jobs = new InMemoryJobStore();
    final InMemoryDestinationStore destination = new InMemoryDestinationStore();
    int keysPerPartition = ProcessStep.KEYS_PER_PARTITION;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    static final String PEOPLE = """
            id: people
            schema:
              key: [id]
              fields:
                - { name: id, type: integer, required: true }
                - { name: name, required: true }
                - { name: email, type: email }
              duplicates: %s
            maxFailedPercent: %s
            """;

    StepResult runAll(JobDefinition job, String key, byte[] bytes) {
        if (jobs.find(job.id()).isEmpty()) {
            jobs.create(job, clock.instant(), "test");
        }
        objects.put(BUCKET, key, bytes);
        String runId = "run-" + key.hashCode();
        runs.create(new Run(runId, job.id(), 1, null, Trigger.UPLOAD,
                new SourceObject(BUCKET, key, "v1", "etag", bytes.length), RunStatus.VALIDATING,
                RunCounts.NONE, null, null, "exec-1", null, List.of()));
        RunRef ref = new RunRef(runId);

        StepResult result = new ValidateStep(objects, runs, jobs, clock).run(ref);
        if (result.status() == RunStatus.PROCESSING) {
            result = new ProcessStep(objects, runs, jobs, clock, keysPerPartition).run(ref);
        }
        if (result.status() == RunStatus.IMPORTING) {
            result = new ImportStep(objects, destination, runs, jobs, clock).run(ref);
        }
        return result;
    }

    StepResult runAll(JobDefinition job, String key, String text) {
        return runAll(job, key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class RealData {

        @Test
        void importsEveryZipCodeAsTextWithItsLeadingZeros() throws IOException {
            JobDefinition job = job("""
                    id: zipcodes
                    schema:
                      key: [zip_code]
                      fields:
                        - { name: zip_code, required: true, pattern: "^[0-9]{5}$" }
                        - { name: latitude, type: decimal, min: -90, max: 90 }
                        - { name: longitude, type: decimal, min: -180, max: 180 }
                        - { name: city }
                        - { name: state }
                        - { name: county }
                    """);
            byte[] file = Files.readAllBytes(TestJobs.datasets().resolve("zipcodes.csv"));

            StepResult result = runAll(job, "incoming/zipcodes/zipcodes.csv", file);

            assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(result.counts()).isEqualTo(new RunCounts(42_049, 42_049, 42_049, 0, 0));
            assertThat(result.failedRecordsKey()).isNull();
            assertThat(destination.records().get("00501")).isEqualTo(Map.of(
                    "zip_code", "00501", "latitude", new java.math.BigDecimal("40.922326"),
                    "longitude", new java.math.BigDecimal("-72.637078"), "city", "Holtsville",
                    "state", "NY", "county", "Suffolk"));
        }
    }

    @Nested
    class FailedRows {

        static final String FILE = "id,name,email\n1,Ann,ann@x.org\n2,,bob@x.org\n"
                + "3,Cy,=HYPERLINK(\"x\")\n4,Di,di@x.org\n5,Ed,ed@x.org\n";

        @Test
        void importsTheValidRowsAndWritesTheOthersToAFixableCsv() {
            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 50)),
                    "incoming/people/a.csv", FILE);

            assertThat(result.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(result.counts()).isEqualTo(new RunCounts(5, 3, 3, 2, 0));
            assertThat(result.failedRecordsKey()).isEqualTo("failed-records/people/"
                    + result.runId() + ".csv");
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,name,email,_line,_column,_error_code,_error_message\r\n"
                            + "2,,bob@x.org,3,name,REQUIRED,name: is required; give a value\r\n"
                            + "3,Cy,\"'=HYPERLINK(\"\"x\"\")\",4,email,INVALID_EMAIL,"
                            + "\"email: \"\"=HYPERLINK(\"\"x\"\")\"\" is not an email address; "
                            + "write it like name@example.com\"\r\n");
            assertThat(destination.records().keySet()).containsExactly("1", "4", "5");
        }

        @Test
        void givesEachRaggedOrOversizedRowItsReasonAndImportsTheOthers() throws IOException {
            JobDefinition job = job("""
                    id: people
                    schema:
                      key: [id]
                      fields:
                        - { name: id, type: integer }
                        - { name: name, maxLength: 100 }
                        - { name: email, type: email }
                    maxFailedPercent: 60
                    """);
            byte[] file;
            try (var in = getClass().getResourceAsStream("/files/ragged.csv")) {
                file = in.readAllBytes();
            }

            StepResult result = runAll(job, "incoming/people/ragged.csv", file);

            assertThat(result.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(result.counts()).isEqualTo(new RunCounts(5, 2, 2, 3, 0));
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,name,email,_line,_column,_error_code,_error_message\r\n"
                            + "3,Cy,cy@x.org,4,,RAGGED_ROW,\"the row has 4 fields but the header"
                            + " has 3; quote values that contain \"\",\"\", or remove the extra "
                            + "value \"\"oops\"\"\"\r\n"
                            + "4,Di,,5,,RAGGED_ROW,\"the row has 2 fields but the header has 3; "
                            + "add the missing values, empty if unknown\"\r\n"
                            + "5," + "x".repeat(10_000) + ",ed@x.org,6,name,TOO_LONG,\"name: has "
                            + "10000 characters, more than the 100 allowed\"\r\n");
            assertThat(objects.list(BUCKET, "staging/")).isEmpty();
        }

        @Test
        void importsTheFailedRecordsFileOnceFixedAsIs() {
            StepResult first = runAll(job(PEOPLE.formatted("last-wins", 50)),
                    "incoming/people/a.csv", FILE);
            String fixed = objects.text(BUCKET, first.failedRecordsKey())
                    .replace("2,,bob", "2,Bob,bob").replace("'=HYPERLINK(\"\"x\"\")", "cy@x.org");

            StepResult second = runAll(job(PEOPLE.formatted("last-wins", 50)),
                    "incoming/people/a-fixed.csv", fixed);

            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.counts()).isEqualTo(new RunCounts(2, 2, 2, 0, 0));
            assertThat(destination.records().get("2"))
                    .isEqualTo(Map.of("id", 2L, "name", "Bob", "email", "bob@x.org"));
        }

        @Test
        void failsTheRunAndImportsNothingAboveMaxFailedPercent() {
            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 10)),
                    "incoming/people/a.csv", FILE);

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.reason()).isEqualTo(new FailureReason("TOO_MANY_FAILED_ROWS",
                    "2 of 5 rows failed (40.00%), more than maxFailedPercent 10%; nothing was "
                            + "imported. Fix the failed records and upload them, or raise "
                            + "maxFailedPercent"));
            assertThat(result.failedRecordsKey()).isNotNull();
            assertThat(destination.records()).isEmpty();
        }

        @Test
        void failsTheRunWhenNoRowIsValid() {
            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 100)),
                    "incoming/people/a.csv", "id,name\nx,A\n");

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.reason()).isEqualTo(new FailureReason("NO_VALID_ROWS",
                    "none of the 1 rows is valid; see the failed records for what to fix"));
        }

        @Test
        void failsAnEmptyFileWithItsReasonAndNoCounts() {
            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 10)),
                    "incoming/people/empty.csv", new byte[0]);

            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.reason()).isEqualTo(new FailureReason("EMPTY_FILE",
                    "file incoming/people/empty.csv: the file is empty (0 bytes); upload a file "
                            + "with a header and rows"));
            assertThat(result.counts()).isEqualTo(RunCounts.NONE);
        }

        @Test
        void putsRecordsTheDestinationRefusesInTheFailedRecords() {
            destination.refuse(record -> record.values().get("id").equals(4L));

            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 50)),
                    "incoming/people/a.csv", "id,name\n4,Di\n5,Ed\n");

            assertThat(result.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(result.counts()).isEqualTo(new RunCounts(2, 2, 1, 1, 0));
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,name,_line,_column,_error_code,_error_message\r\n"
                            + "4,Di,2,,ITEM_TOO_LARGE,the record is larger than 400 KB\r\n");
        }
    }

    @Nested
    class Duplicates {

        static final String FILE = "id,name\n1,first\n2,only\n1,second\n1,third\n";

        @Test
        void keepsTheLastRowOfAKeyUnderLastWins() {
            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 10)), "k.csv", FILE);

            assertThat(result.counts()).isEqualTo(new RunCounts(4, 4, 2, 0, 2));
            assertThat(destination.records().get("1")).containsEntry("name", "third");
        }

        @Test
        void keepsTheFirstRowOfAKeyUnderFirstWins() {
            StepResult result = runAll(job(PEOPLE.formatted("first-wins", 10)), "k.csv", FILE);

            assertThat(result.counts()).isEqualTo(new RunCounts(4, 4, 2, 0, 2));
            assertThat(destination.records().get("1")).containsEntry("name", "first");
        }

        @Test
        void failsEveryRowOfARepeatedKeyUnderReject() {
            StepResult result = runAll(job(PEOPLE.formatted("reject", 100)), "k.csv", FILE);

            assertThat(result.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(result.counts()).isEqualTo(new RunCounts(4, 4, 1, 3, 0));
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,name,_line,_column,_error_code,_error_message\r\n"
                            + "1,first,2,id,DUPLICATE_KEY,\"id: \"\"1\"\" appears on 3 rows and "
                            + "duplicates is reject; keep one row per key\"\r\n"
                            + "1,second,4,id,DUPLICATE_KEY,\"id: \"\"1\"\" appears on 3 rows and "
                            + "duplicates is reject; keep one row per key\"\r\n"
                            + "1,third,5,id,DUPLICATE_KEY,\"id: \"\"1\"\" appears on 3 rows and "
                            + "duplicates is reject; keep one row per key\"\r\n");
        }
    }

    /** Rows rejected after validation come back as written, so that the fixed file reads again. */
    @Nested
    class FailedAfterValidation {

        static final String GERMAN = """
                id: payments
                format: { locale: de-DE }
                schema:
                  key: [id]
                  fields:
                    - { name: id, type: integer }
                    - { name: paid_on, type: date, formats: [dd/MM/yyyy] }
                    - { name: amount, type: decimal }
                  duplicates: reject
                maxFailedPercent: 100
                """;

        static final String FILE = "id,paid_on,amount,note\n"
                + "7,03/04/2026,\"1.234,50\",first\n"
                + "8,15/04/2026,\"2,00\",\n"
                + "7,03/04/2026,\"1.234,50\",again\n";

        static final String DUPLICATE = "id: \"\"7\"\" appears on 2 rows and duplicates is reject; "
                + "keep one row per key";

        @Test
        void writesRejectedDuplicatesWithTheirSourceValuesAndEveryColumn() {
            StepResult result = runAll(job(GERMAN), "incoming/payments/a.csv", FILE);

            assertThat(result.counts()).isEqualTo(new RunCounts(3, 3, 1, 2, 0));
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,paid_on,amount,note,_line,_column,_error_code,_error_message\r\n"
                            + "7,03/04/2026,\"1.234,50\",first,2,id,DUPLICATE_KEY,\""
                            + DUPLICATE + "\"\r\n"
                            + "7,03/04/2026,\"1.234,50\",again,4,id,DUPLICATE_KEY,\""
                            + DUPLICATE + "\"\r\n");
        }

        @Test
        void importsTheFixedFailedRecordsWithTheRightDateAndAmount() {
            StepResult first = runAll(job(GERMAN), "incoming/payments/a.csv", FILE);
            String failed = objects.text(BUCKET, first.failedRecordsKey());
            String fixed = failed.substring(0, failed.indexOf("7,03/04/2026,\"1.234,50\",again"));

            StepResult second = runAll(job(GERMAN), "incoming/payments/a-fixed.csv", fixed);

            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.counts()).isEqualTo(new RunCounts(1, 1, 1, 0, 0));
            assertThat(destination.records().get("7"))
                    .isEqualTo(Map.of("id", 7L, "paid_on", "2026-04-03",
                            "amount", new BigDecimal("1234.50")));
        }

        @Test
        void writesRecordsTheDestinationRefusesWithTheirSourceValues() {
            destination.refuse(record -> record.values().get("id").equals(8L));

            StepResult result = runAll(job(GERMAN), "incoming/payments/b.csv",
                    "id,paid_on,amount,note\n8,15/04/2026,\"2,00\", keep  \n9,16/04/2026,1,\n");

            assertThat(result.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,paid_on,amount,note,_line,_column,_error_code,_error_message\r\n"
                            + "8,15/04/2026,\"2,00\", keep  ,2,,ITEM_TOO_LARGE,the record is "
                            + "larger than 400 KB\r\n");
        }

        @Test
        void listsValidationFailuresFirstThenLaterRejectionsInLineOrder() {
            keysPerPartition = 1;
            String file = "id,paid_on,amount\n5,01/01/2026,1\n7,x,1\n5,02/01/2026,2\n"
                    + "6,03/01/2026,3\n6,04/01/2026,4\n";

            StepResult result = runAll(job(GERMAN), "incoming/payments/c.csv", file);

            assertThat(objects.text(BUCKET, result.failedRecordsKey()).lines()
                    .map(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1))))
                    .containsExactly("id,paid_on", "7,x", "5,01/01/2026", "5,02/01/2026",
                            "6,03/01/2026", "6,04/01/2026");
        }
    }

    @Nested
    class PartitionedDuplicates {

        static final String FILE = "id,name\n1,first\n2,only\n1,second\n3,x\n1,third\n3,y\n";

        @Test
        void resolvesKeysSplitAcrossPartitionsAsOneIndexWould() {
            keysPerPartition = 2;

            StepResult result = runAll(job(PEOPLE.formatted("last-wins", 10)), "k.csv", FILE);

            assertThat(result.counts()).isEqualTo(new RunCounts(6, 6, 3, 0, 3));
            assertThat(destination.records().get("1")).containsEntry("name", "third");
            assertThat(destination.records().get("3")).containsEntry("name", "y");
            assertThat(objects.list(BUCKET, "staging/")).isEmpty();
        }

        @Test
        void rejectsEveryRowOfARepeatedKeyAcrossPartitions() {
            keysPerPartition = 1;

            StepResult result = runAll(job(PEOPLE.formatted("reject", 100)), "k.csv", FILE);

            assertThat(result.counts()).isEqualTo(new RunCounts(6, 6, 1, 5, 0));
            assertThat(destination.records().keySet()).containsExactly("2");
        }
    }

    @Nested
    class Slices {

        @Test
        void validatesSlicesApartAndImportsAsTheWholeFileWould() {
            JobDefinition job = job(PEOPLE.formatted("last-wins", 50));
            String file = "id,name\n1,A\nx,B\n3,C\n1,D\ny,E\n";
            jobs.create(job, clock.instant(), "test");
            objects.put(BUCKET, "big.csv", file.getBytes(StandardCharsets.UTF_8));
            runs.create(new Run("run-1", job.id(), 1, null, Trigger.UPLOAD,
                    new SourceObject(BUCKET, "big.csv", null, "etag", file.length()),
                    RunStatus.VALIDATING, RunCounts.NONE, null, null, "exec", null, List.of()));
            RunRef ref = new RunRef("run-1");
            ValidateStep validate = new ValidateStep(objects, runs, jobs, clock);
            List<String> header = List.of("id", "name");

            assertThat(validate.checkFile(ref).status()).isEqualTo(RunStatus.VALIDATING);
            SliceResult second = validate.validateSlice(ref, new Slice(1, header, List.of(
                    new SourceRow(5, List.of("1", "D")), new SourceRow(6, List.of("y", "E")))));
            SliceResult first = validate.validateSlice(ref, new Slice(0, header, List.of(
                    new SourceRow(2, List.of("1", "A")), new SourceRow(3, List.of("x", "B")),
                    new SourceRow(4, List.of("3", "C")))));
            validate.complete(ref, List.of(first.counts(), second.counts()));
            new ProcessStep(objects, runs, jobs, clock).run(ref);
            StepResult result = new ImportStep(objects, destination, runs, jobs, clock).run(ref);

            assertThat(result.counts()).isEqualTo(new RunCounts(5, 3, 2, 2, 1));
            assertThat(destination.records().get("1")).containsEntry("name", "D");
            assertThat(objects.text(BUCKET, result.failedRecordsKey())).isEqualTo(
                    "id,name,_line,_column,_error_code,_error_message\r\n"
                            + "x,B,3,id,INVALID_INTEGER,\"id: \"\"x\"\" is not a whole number; "
                            + "write digits only, such as 42\"\r\n"
                            + "y,E,6,id,INVALID_INTEGER,\"id: \"\"y\"\" is not a whole number; "
                            + "write digits only, such as 42\"\r\n");
        }

        @Test
        void dropsTheFailedRecordColumnsOfASlicedFailedRecordsFile() {
            JobDefinition job = job(PEOPLE.formatted("last-wins", 50));
            jobs.create(job, clock.instant(), "test");
            objects.put(BUCKET, "fixed.csv", new byte[] {'x'});
            runs.create(new Run("run-2", job.id(), 1, null, Trigger.UPLOAD,
                    new SourceObject(BUCKET, "fixed.csv", null, "etag", 1),
                    RunStatus.VALIDATING, RunCounts.NONE, null, null, "exec", null, List.of()));
            ValidateStep validate = new ValidateStep(objects, runs, jobs, clock);
            List<String> header = List.of("id", "name", "_line", "_column", "_error_code",
                    "_error_message");

            SliceResult slice = validate.validateSlice(new RunRef("run-2"), new Slice(0, header,
                    List.of(new SourceRow(2, List.of("7", "'-Neg", "2", "id", "X", "m")))));
            validate.complete(new RunRef("run-2"), List.of(slice.counts()));
            new ProcessStep(objects, runs, jobs, clock).run(new RunRef("run-2"));
            new ImportStep(objects, destination, runs, jobs, clock).run(new RunRef("run-2"));

            assertThat(destination.records().get("7")).isEqualTo(Map.of("id", 7L, "name", "-Neg"));
        }
    }

    @Nested
    class Redelivery {

        @Test
        void returnsTheRunAsItIsWhenAStepRunsAgain() {
            StepResult done = runAll(job(PEOPLE.formatted("last-wins", 10)), "k.csv",
                    "id,name\n1,A\n");

            StepResult again = new ValidateStep(objects, runs, jobs, clock)
                    .run(new RunRef(done.runId()));

            assertThat(again).isEqualTo(done);
            assertThat(runs.find(done.runId()).orElseThrow().history()).hasSize(3);
        }
    }
}
