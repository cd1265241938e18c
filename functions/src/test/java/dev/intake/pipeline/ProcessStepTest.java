package dev.intake.pipeline;

import static dev.intake.testing.TestJobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.job.JobDefinition;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.testing.InMemoryJobStore;
import dev.intake.testing.InMemoryObjectStore;
import dev.intake.testing.InMemoryRunStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first pass over key hashes decides only whether the exact pass must run, so the records
 * Import is given, and every other object Process leaves, must be the same whichever pass
 * decided. The exact pass is forced with a hash under which all keys collide.
 */
class ProcessStepTest {

    static final String BUCKET = "intake";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    static final String PLACES = """
            id: places
            schema:
              key: [code]
              fields:
                - { name: code, required: true }
                - { name: name, required: true }
              duplicates: %s
            maxFailedPercent: 100
            """;

    /** Every key hashes alike: the first pass always sees a repeat, so the exact pass runs. */
    static final StagedRecords.KeyHasher ALL_COLLIDE = (bytes, from, to) -> 42L;

    /** The keys "00501" and "00544" share a hash; every other key keeps its own. */
    static final StagedRecords.KeyHasher TWO_COLLIDE = (bytes, from, to) -> {
        String key = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        return key.equals("00501") || key.equals("00544") ? 7L : KeyHashes.hash(bytes, from, to);
    };

    /**
     * What Process left: its result, the records Import reads (line, key and values each), and
     * every other object in the bucket, bytes as ISO-8859-1.
     */
    record Outcome(RunStatus status, RunCounts counts, List<String> toImport,
            Map<String, String> objects, boolean copied, int validReadsByProcess) {

        String valid() {
            return objects.get(VALID);
        }
    }

    private static final String PROCESSED = "staging/run-1/processed.bin";
    private static final String VALID = "staging/run-1/valid/000000.bin";
    private static final String KEYS_UNIQUE = "staging/run-1/keys-unique.json";

    static Outcome process(String rule, String file, int keysPerPartition,
            StagedRecords.KeyHasher hasher) {
        return validateAndProcess(rule, file, (objects, runs, jobs) ->
                new ProcessStep(objects, runs, jobs, CLOCK, keysPerPartition, hasher));
    }

    /** As in production: the key hash of KeyHashes, and Validate's proof when there is one. */
    static Outcome processAsDeployed(String rule, String file, int keysPerPartition) {
        return validateAndProcess(rule, file, (objects, runs, jobs) ->
                new ProcessStep(objects, runs, jobs, CLOCK, keysPerPartition));
    }

    @FunctionalInterface
    interface ProcessStepMaker {
        ProcessStep make(InMemoryObjectStore objects, InMemoryRunStore runs,
                InMemoryJobStore jobs);
    }

    private static Outcome validateAndProcess(String rule, String file,
            ProcessStepMaker maker) {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        InMemoryJobStore jobs = new InMemoryJobStore();
        jobs.create(job(PLACES.formatted(rule)), CLOCK.instant(), "test");
        byte[] bytes = resource(file);
        objects.put(BUCKET, file, bytes);
        runs.create(new Run("run-1", "places", 1, null, Trigger.UPLOAD,
                new SourceObject(BUCKET, file, "v1", "etag", bytes.length), RunStatus.VALIDATING,
                RunCounts.NONE, null, null, "exec-1", null, List.of()));
        RunRef ref = new RunRef("run-1");

        new ValidateStep(objects, runs, jobs, CLOCK).run(ref);
        StepResult result = maker.make(objects, runs, jobs).run(ref);
        int validReads = objects.timesOpened(BUCKET, VALID);

        Map<String, String> stored = new TreeMap<>();
        for (ObjectInfo object : objects.list(BUCKET, "")) {
            if (!object.key().equals(PROCESSED)) {
                stored.put(object.key(), new String(objects.bytes(BUCKET, object.key()),
                        StandardCharsets.ISO_8859_1));
            }
        }
        return new Outcome(result.status(), result.counts(), toImport(objects, runs, jobs),
                stored, objects.head(BUCKET, PROCESSED).isPresent(), validReads);
    }

    private static List<String> toImport(InMemoryObjectStore objects, InMemoryRunStore runs,
            InMemoryJobStore jobs) {
        Run run = runs.find("run-1").orElseThrow();
        JobDefinition job = jobs.find("places").orElseThrow().definition();
        List<String> records = new ArrayList<>();
        try (StagedRecords.Reader reader = new StagedRecords.Reader(
                new RunFiles(objects, run, job).openProcessed(), job.schema())) {
            for (ProcessedRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record.line() + " " + record.key() + " " + record.values());
            }
        }
        return records;
    }

    /**
     * The same records to import and the same other objects, copied or not. Import order may
     * differ across partitions: no key repeats among the records imported, so it changes nothing
     * in the destination, and failed records are listed by line whatever the order.
     */
    static void assertSameResult(Outcome actual, Outcome expected) {
        assertThat(actual).usingRecursiveComparison()
                .ignoringFields("copied", "validReadsByProcess")
                .ignoringCollectionOrderInFields("toImport").isEqualTo(expected);
    }

    static Outcome process(String rule, String file, StagedRecords.KeyHasher hasher) {
        return process(rule, file, ProcessStep.KEYS_PER_PARTITION, hasher);
    }

    static byte[] resource(String file) {
        try (InputStream in = ProcessStepTest.class.getResourceAsStream("/process/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class WhenNoKeyRepeats {

        @Test
        void stagesTheValidRecordsAsTheyAre() {
            Outcome outcome = process("reject", "unique-keys.csv", KeyHashes::hash);

            assertThat(outcome.status()).isEqualTo(RunStatus.IMPORTING);
            assertThat(outcome.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 0));
            assertThat(outcome.valid()).contains("Holtsville", "double s");
            assertThat(outcome.toImport()).hasSize(6).first().asString()
                    .isEqualTo("2 00501 {code=00501, name=Holtsville}");
            assertThat(outcome.copied()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"last-wins", "first-wins", "reject"})
        void leavesTheSameObjectsAsTheExactPass(String rule) {
            Outcome fast = process(rule, "unique-keys.csv", KeyHashes::hash);

            assertSameResult(fast, process(rule, "unique-keys.csv", ALL_COLLIDE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"last-wins", "first-wins", "reject"})
        void tellsTwoKeysWithOneHashApartAndKeepsBoth(String rule) {
            Outcome collided = process(rule, "unique-keys.csv", TWO_COLLIDE);

            assertThat(collided.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 0));
            assertThat(collided.copied()).isTrue();
            assertSameResult(collided, process(rule, "unique-keys.csv", KeyHashes::hash));
        }

        @ParameterizedTest
        @ValueSource(strings = {"last-wins", "first-wins", "reject"})
        void leavesTheSameObjectsAsTheExactPassAcrossPartitions(String rule) {
            Outcome fast = process(rule, "unique-keys.csv", 2, KeyHashes::hash);

            assertThat(fast.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 0));
            assertSameResult(fast, process(rule, "unique-keys.csv", 2, ALL_COLLIDE));
        }
    }

    @Nested
    class WithValidatesProof {

        @ParameterizedTest
        @ValueSource(strings = {"last-wins", "first-wins", "reject"})
        void readsNoRecordWhenValidateProvedEveryKeyUnique(String rule) {
            Outcome proven = processAsDeployed(rule, "unique-keys.csv",
                    ProcessStep.KEYS_PER_PARTITION);

            assertThat(proven.objects()).containsEntry(KEYS_UNIQUE,
                    "{\"validRecords\":6,\"keysUnique\":true}");
            assertThat(proven.validReadsByProcess()).isZero();
            assertThat(proven.copied()).isFalse();
            assertSameResult(proven, process(rule, "unique-keys.csv", ALL_COLLIDE));
        }

        @Test
        void setsAsideTheProofOfAnEarlierDeliveryWhenValidationNowFindsARepeatedKey() {
            // The first delivery of Validate staged and proved its records, then stopped before
            // it moved the run on; before the redelivery the job's key changed from name to code.
            InMemoryObjectStore objects = new InMemoryObjectStore();
            byte[] bytes = resource("repeated-keys.csv");
            objects.put(BUCKET, "repeated-keys.csv", bytes);
            String keyedByName = PLACES.formatted("last-wins").replace("key: [code]",
                    "key: [name]");
            validate(objects, keyedByName, bytes);
            assertThat(objects.bytes(BUCKET, KEYS_UNIQUE)).asString()
                    .isEqualTo("{\"validRecords\":6,\"keysUnique\":true}");

            InMemoryRunStore runs = validate(objects, PLACES.formatted("last-wins"), bytes);
            InMemoryJobStore jobs = new InMemoryJobStore();
            jobs.create(job(PLACES.formatted("last-wins")), CLOCK.instant(), "test");
            StepResult result = new ProcessStep(objects, runs, jobs, CLOCK)
                    .run(new RunRef("run-1"));

            // 00501 three times and é twice: three rows are superseded, as without the proof.
            assertThat(result.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 3));
            assertThat(result.counts()).isEqualTo(
                    process("last-wins", "repeated-keys.csv", ALL_COLLIDE).counts());
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void resolvesDecimalKeysEqualInValueButNotInScaleWithOrWithoutTheProof(boolean proof) {
            InMemoryObjectStore objects = new InMemoryObjectStore();
            String file = "decimal-composite-keys.csv";
            byte[] bytes = resource(file);
            objects.put(BUCKET, file, bytes);
            String job = """
                    id: places
                    schema:
                      key: [amount, code]
                      fields:
                        - { name: amount, type: decimal }
                        - { name: code }
                      duplicates: last-wins
                    """;
            InMemoryRunStore runs = validate(objects, job, file, bytes);
            InMemoryJobStore jobs = new InMemoryJobStore();
            jobs.create(job(job), CLOCK.instant(), "test");
            ProcessStep process = proof ? new ProcessStep(objects, runs, jobs, CLOCK)
                    : new ProcessStep(objects, runs, jobs, CLOCK, ProcessStep.KEYS_PER_PARTITION,
                            ALL_COLLIDE);

            StepResult result = process.run(new RunRef("run-1"));

            // 1.5|a = 1.50|a, -0|b = 0.00|b, "2.0 "|c = 2|c; 1.5|A is a key of its own.
            assertThat(objects.bytes(BUCKET, KEYS_UNIQUE)).asString()
                    .isEqualTo("{\"validRecords\":7,\"keysUnique\":false}");
            assertThat(result.counts()).isEqualTo(new RunCounts(7, 7, 0, 0, 3));
        }

        /** Runs Validate on a new run-1 of the job; returns the run store holding that run. */
        private InMemoryRunStore validate(InMemoryObjectStore objects, String job, byte[] bytes) {
            return validate(objects, job, "repeated-keys.csv", bytes);
        }

        private InMemoryRunStore validate(InMemoryObjectStore objects, String job, String file,
                byte[] bytes) {
            InMemoryRunStore runs = new InMemoryRunStore();
            InMemoryJobStore jobs = new InMemoryJobStore();
            jobs.create(job(job), CLOCK.instant(), "test");
            runs.create(new Run("run-1", "places", 1, null, Trigger.UPLOAD,
                    new SourceObject(BUCKET, file, "v1", "etag", bytes.length),
                    RunStatus.VALIDATING, RunCounts.NONE, null, null, "exec-1", null, List.of()));
            new ValidateStep(objects, runs, jobs, CLOCK).run(new RunRef("run-1"));
            return runs;
        }

        @Test
        void leavesAProofOfNothingWhenAKeyRepeats() {
            Outcome outcome = processAsDeployed("last-wins", "repeated-keys.csv",
                    ProcessStep.KEYS_PER_PARTITION);

            assertThat(outcome.objects()).containsEntry(KEYS_UNIQUE,
                    "{\"validRecords\":6,\"keysUnique\":false}");
            assertThat(outcome.validReadsByProcess()).isPositive();
            assertSameResult(outcome, process("last-wins", "repeated-keys.csv", ALL_COLLIDE));
        }

        @Test
        void hashesTheRecordsItselfWhenItSplitsThemIntoPartitions() {
            Outcome partitioned = processAsDeployed("reject", "unique-keys.csv", 2);

            assertThat(partitioned.objects()).containsKey(KEYS_UNIQUE);
            assertThat(partitioned.validReadsByProcess()).isPositive();
            assertSameResult(partitioned, process("reject", "unique-keys.csv", 2, ALL_COLLIDE));
        }

        @Test
        void takesAProofOnlyWhenItSaysUniqueForTheNumberOfRecordsItWasMadeFor() {
            InMemoryObjectStore objects = new InMemoryObjectStore();
            Run run = new Run("run-1", "places", 1, null, Trigger.UPLOAD,
                    new SourceObject(BUCKET, "f.csv", "v1", "etag", 1), RunStatus.PROCESSING,
                    RunCounts.NONE, null, null, "exec-1", null, List.of());
            RunFiles files = new RunFiles(objects, run, job(PLACES.formatted("reject")));

            assertThat(files.keysProvenUnique(6)).isFalse();
            files.writeKeysProof(6, true);
            assertThat(files.keysProvenUnique(6)).isTrue();
            assertThat(files.keysProvenUnique(7)).isFalse();
            files.writeKeysProof(6, false);
            assertThat(files.keysProvenUnique(6)).isFalse();
        }
    }

    @Nested
    class WhenKeysRepeat {

        @Test
        void keepsTheLastRowOfEachKeyUnderLastWins() {
            Outcome fast = process("last-wins", "repeated-keys.csv", KeyHashes::hash);

            assertThat(fast.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 3));
            assertSameResult(fast, process("last-wins", "repeated-keys.csv", ALL_COLLIDE));
        }

        @Test
        void keepsTheFirstRowOfEachKeyUnderFirstWins() {
            Outcome fast = process("first-wins", "repeated-keys.csv", KeyHashes::hash);

            assertThat(fast.counts()).isEqualTo(new RunCounts(6, 6, 0, 0, 3));
            assertSameResult(fast, process("first-wins", "repeated-keys.csv", ALL_COLLIDE));
        }

        @Test
        void failsEveryRowOfARepeatedKeyUnderReject() {
            Outcome fast = process("reject", "repeated-keys.csv", KeyHashes::hash);

            assertThat(fast.counts()).isEqualTo(new RunCounts(6, 6, 0, 5, 0));
            assertSameResult(fast, process("reject", "repeated-keys.csv", ALL_COLLIDE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"last-wins", "first-wins", "reject"})
        void leavesTheSameObjectsAsTheExactPassAcrossPartitions(String rule) {
            Outcome fast = process(rule, "repeated-keys.csv", 2, KeyHashes::hash);

            assertSameResult(fast, process(rule, "repeated-keys.csv", 2, ALL_COLLIDE));
            assertThat(fast.counts()).isEqualTo(
                    process(rule, "repeated-keys.csv", KeyHashes::hash).counts());
        }
    }
}
