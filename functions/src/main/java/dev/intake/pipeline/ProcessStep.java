package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.port.JobStore;
import dev.intake.port.ObjectStore;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Step 2 of a run (Processing): resolves rows of the file that share a key, by the job's rule,
 * and stages the records to import. Two passes over the staged valid records: the first counts
 * each key and finds its winning row in a compact {@link DuplicateIndex}, the second keeps the
 * winners. Under last-wins and first-wins the other rows count as duplicates; under reject every
 * row of a repeated key fails (no row can be said to be the right one) and counts as failed.
 * Ends with the run in Importing, or Failed when the rejections leave no valid row or too many
 * failed.
 *
 * <p>Most files repeat no key, and then every record wins as it is. Validate hashes the keys as
 * it stages them and, when no hash repeats, leaves that proof beside the records; the records
 * are then not read at all. Without the proof (a file validated in slices, or too large for one
 * partition) a cheaper pass comes first: it hashes each key's bytes where they lie in the read
 * buffer, decoding nothing, into a {@link KeyHashes}. Equal keys are equal bytes (the staged
 * format writes every key as well-formed UTF-8, which decodes back one way only), so equal keys
 * give equal hashes: when no hash repeats, no key repeats. When that holds for the whole file,
 * nothing is written: the Import step reads the valid records themselves. Otherwise a partition
 * whose hashes do not repeat is copied as it is, exactly as the index would have had it copied,
 * and one where some hash repeats, a repeated key or a mere collision, goes through the two passes
 * above, which tell the two apart.
 *
 * <p>The index holds about 50 bytes per distinct key, the hashes about 10. Above
 * {@link #KEYS_PER_PARTITION} valid rows, the records are first split by key hash into
 * partitions, each small enough for its own index; rows sharing a key always land in the same
 * partition, so the result is the same.
 */
public final class ProcessStep {

    /**
     * Valid rows resolved in one index: about 50 MB, twice that while its arrays grow, so that it
     * fits a 256 MB heap (at 4 million keys, a 1 GB file ran out of a 256 MB heap here).
     */
    public static final int KEYS_PER_PARTITION = 1_000_000;

    private final ObjectStore objects;
    private final RunSteps steps;
    private final int keysPerPartition;
    private final StagedRecords.KeyHasher hasher;
    private final boolean usesValidateProof;

    public ProcessStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock) {
        this(objects, runs, jobs, clock, KEYS_PER_PARTITION);
    }

    /** With a smaller partition size, so that tests can partition small files. */
    ProcessStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock,
            int keysPerPartition) {
        this(objects, runs, jobs, clock, keysPerPartition, KeyHashes::hash, true);
    }

    /**
     * With another key hash, so that tests can make keys collide and force the exact pass; it
     * sets aside Validate's proof, which that hash did not make.
     */
    ProcessStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock,
            int keysPerPartition, StagedRecords.KeyHasher hasher) {
        this(objects, runs, jobs, clock, keysPerPartition, hasher, false);
    }

    private ProcessStep(ObjectStore objects, RunStore runs, JobStore jobs, Clock clock,
            int keysPerPartition, StagedRecords.KeyHasher hasher, boolean usesValidateProof) {
        this.objects = objects;
        this.steps = new RunSteps(runs, jobs, clock);
        this.keysPerPartition = keysPerPartition;
        this.hasher = hasher;
        this.usesValidateProof = usesValidateProof;
    }

    public StepResult run(RunRef ref) {
        Run run = steps.load(ref);
        if (run.status() != RunStatus.PROCESSING) {
            return StepResult.of(run);
        }
        JobDefinition job = steps.job(run);
        RunFiles files = new RunFiles(objects, run, job);

        List<Supplier<InputStream>> partitions = partition(files, job, run.counts().valid());
        RunCounts counts = resolveDuplicates(files, job, partitions, run.counts());

        FailureReason breach = RunSteps.breach(job, counts);
        if (breach != null) {
            return steps.fail(run, counts, breach, files);
        }
        return steps.advance(run, RunStatus.IMPORTING, counts);
    }

    /** The valid records, as one stream or split by key hash when there are too many. */
    private List<Supplier<InputStream>> partition(RunFiles files, JobDefinition job, long valid) {
        int count = (int) Math.max(1, (valid + keysPerPartition - 1) / keysPerPartition);
        if (count == 1) {
            return List.of(files::openValid);
        }
        List<StagedRecords.Writer> writers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            writers.add(new StagedRecords.Writer(
                    files.create(files.partitionKey(i), StagedRecords.CONTENT_TYPE)));
        }
        try (StagedRecords.Reader records = new StagedRecords.Reader(files.openValid(),
                job.schema())) {
            for (ProcessedRecord record = records.next(); record != null; record = records.next()) {
                writers.get(Math.floorMod(record.key().hashCode(), count)).write(record);
            }
        } finally {
            writers.forEach(StagedRecords.Writer::close);
        }
        List<Supplier<InputStream>> partitions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = files.partitionKey(i);
            partitions.add(() -> files.open(key));
        }
        return partitions;
    }

    private RunCounts resolveDuplicates(RunFiles files, JobDefinition job,
            List<Supplier<InputStream>> partitions, RunCounts before) {
        int expectedKeys = (int) Math.min(before.valid(), keysPerPartition);
        boolean proven = usesValidateProof && partitions.size() == 1
                && files.keysProvenUnique(before.valid());
        List<Boolean> repeats = new ArrayList<>(partitions.size());
        for (Supplier<InputStream> partition : partitions) {
            repeats.add(!proven && hashesRepeat(partition, job, expectedKeys));
        }
        if (!repeats.contains(true)) {
            // Every key once: the valid records are the records to import, not copied again.
            files.importValidAsTheyAre();
            return new RunCounts(before.read(), before.valid(), 0, before.failed(), 0);
        }

        long duplicates = 0;
        try (StagedRecords.Writer processed = new StagedRecords.Writer(
                        files.create(files.processedKey(), StagedRecords.CONTENT_TYPE));
                LateFailures.Writer failed = new LateFailures.Writer(() ->
                        files.create(files.lateFailuresKey(2), LateFailures.CONTENT_TYPE))) {
            for (int index = 0; index < partitions.size(); index++) {
                if (repeats.get(index)) {
                    duplicates += resolveExactly(partitions.get(index), job, processed, failed);
                } else {
                    copyAll(partitions.get(index), processed);
                }
            }
            return new RunCounts(before.read(), before.valid(), 0,
                    before.failed() + failed.written(), duplicates);
        }
    }

    /**
     * Whether two records of the partition have keys with the same hash. False proves that no
     * key repeats (see the class comment).
     */
    private boolean hashesRepeat(Supplier<InputStream> partition, JobDefinition job,
            int expectedKeys) {
        KeyHashes hashes = new KeyHashes(expectedKeys);
        try (StagedRecords.Reader records = new StagedRecords.Reader(partition.get(),
                job.schema())) {
            for (StagedRecords.HashedKey record = records.nextHashedKey(hasher); record != null;
                    record = records.nextHashedKey(hasher)) {
                hashes.add(record.hash());
            }
        }
        return hashes.anyRepeated();
    }

    /** Compares the keys themselves; returns how many rows were superseded. */
    private static long resolveExactly(Supplier<InputStream> partition, JobDefinition job,
            StagedRecords.Writer processed, LateFailures.Writer failed) {
        DuplicateIndex index = indexKeys(partition, job);
        if (index.hasRepeats()) {
            return keepWinners(partition, job, index, processed, failed);
        }
        copyAll(partition, processed);
        return 0;
    }

    private static DuplicateIndex indexKeys(Supplier<InputStream> partition, JobDefinition job) {
        boolean lastWins = job.schema().duplicates() == DuplicateRule.LAST_WINS;
        DuplicateIndex index = new DuplicateIndex(lastWins, 1 << 16);
        try (StagedRecords.Reader records = new StagedRecords.Reader(partition.get(),
                job.schema())) {
            for (StagedRecords.Keyed record = records.nextKey(); record != null;
                    record = records.nextKey()) {
                index.add(record.key(), record.line());
            }
        }
        return index;
    }

    /** Every key once: all the records win, so they are staged again as they are. */
    private static void copyAll(Supplier<InputStream> partition, StagedRecords.Writer processed) {
        try (InputStream records = partition.get()) {
            processed.copy(records);
        } catch (IOException e) {
            throw new UncheckedIOException("copying staged records", e);
        }
    }

    /** Writes the winners and the rejected rows; returns how many rows were superseded. */
    private static long keepWinners(Supplier<InputStream> partition, JobDefinition job,
            DuplicateIndex index, StagedRecords.Writer processed, LateFailures.Writer failed) {
        boolean reject = job.schema().duplicates() == DuplicateRule.REJECT;
        long duplicates = 0;
        try (StagedRecords.Reader records = new StagedRecords.Reader(partition.get(),
                job.schema())) {
            for (ProcessedRecord record = records.next(); record != null; record = records.next()) {
                int count = index.count(record.key());
                if (count == 1 || (!reject && index.winner(record.key()) == record.line())) {
                    processed.write(record);
                } else if (reject) {
                    failed.write(duplicateError(job, record, count));
                } else {
                    duplicates++;
                }
            }
        }
        return duplicates;
    }

    private static RowError duplicateError(JobDefinition job, ProcessedRecord record, int count) {
        String key = String.join(", ", job.schema().key());
        String value = job.schema().key().size() == 1
                ? String.valueOf(record.values().get(job.schema().key().get(0)))
                : record.key().replace('\u001F', ' ').strip();
        String times = count >= Byte.MAX_VALUE ? "many" : String.valueOf(count);
        return new RowError(record.line(), job.schema().key().get(0), RowError.DUPLICATE_KEY,
                key + ": " + RowError.quote(value) + " appears on " + times + " rows and "
                        + "duplicates is reject; keep one row per key");
    }
}
