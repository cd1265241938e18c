package dev.intake.pipeline;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import dev.intake.read.RecordReader;
import dev.intake.read.SourceRow;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints how fast one core reads, validates and processes a zipcode-shaped file of a million rows
 * (default), generated on the fly so that memory use shows only what the pipeline holds. Not a
 * unit test: run it by hand, for example with -Xmx256m, and read the figures. The R13 case (a
 * file of about 1 GB streaming in constant memory, failing midway, rerun without duplicates)
 * belongs to the end-to-end benchmark; this one shows the per-row cost and memory it builds on.
 */
public final class PipelineBenchmark {

    private static final JobDefinition JOB = new JobDefinitionParser().parse("""
            id: zipcodes
            schema:
              key: [zip_code]
              fields:
                - { name: zip_code, required: true, pattern: "^[0-9]{5,7}$" }
                - { name: latitude, type: decimal, min: -90, max: 90 }
                - { name: longitude, type: decimal, min: -180, max: 180 }
                - { name: city }
                - { name: state }
                - { name: county }
            """);

    private PipelineBenchmark() {}

    /** Arguments: a row count to generate, or the path of a zipcode-shaped CSV. */
    public static void main(String[] args) throws Exception {
        String source = args.length > 0 ? args[0] : "1000000";
        for (int round = 1; round <= 3; round++) {
            run(source, round);
        }
    }

    private static InputStream open(String source) throws java.io.IOException {
        return source.chars().allMatch(Character::isDigit)
                ? new ZipcodeFile(Integer.parseInt(source))
                : new java.io.FileInputStream(source);
    }

    private static void run(String source, int round) throws Exception {
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        DuplicateIndex index = new DuplicateIndex(true, 16);
        long valid = 0;
        long rows;
        try (InputStream in = open(source);
                RecordReader reader = RecordReader.open(in, JOB, "bench.csv");
                StagedRecords.Writer staged =
                        new StagedRecords.Writer(OutputStream.nullOutputStream())) {
            RecordValidator validator = new RecordValidator(JOB, reader.columns());
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                RecordValidator.Outcome outcome = validator.validate(row);
                if (outcome.isValid()) {
                    index.add(outcome.record().key(), row.line());
                    staged.write(outcome.record());
                    valid++;
                }
            }
            rows = reader.rowsRead();
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("round=%d rows=%d valid=%d keys=%d seconds=%.2f cpuSeconds=%.2f "
                        + "rowsPerCpuSecond=%.0f heapUsedMb=%d maxHeapMb=%d%n", round, rows, valid,
                index.size(), seconds, cpuSeconds, rows / cpuSeconds,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20);
    }

    /** A CSV of zipcode-shaped rows with distinct keys, produced as it is read. */
    private static final class ZipcodeFile extends InputStream {

        private final int rows;
        private int next;
        private byte[] chunk = "zip_code,latitude,longitude,city,state,county\n"
                .getBytes(StandardCharsets.UTF_8);
        private int position;

        ZipcodeFile(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }

        private boolean refill() {
            if (next >= rows) {
                return false;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            for (int i = 0; i < 1000 && next < rows; i++, next++) {
                String row = String.format("%07d,%d.%06d,-%d.%06d,Holtsville,NY,Suffolk%n",
                        next, 40 + next % 9, next % 1_000_000, 72 + next % 9, next % 999_999);
                out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            }
            chunk = out.toByteArray();
            position = 0;
            return true;
        }
    }
}
