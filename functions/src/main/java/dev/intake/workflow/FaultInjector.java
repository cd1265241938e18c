package dev.intake.workflow;

import dev.intake.port.DestinationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes workflow steps fail on purpose, so that a demo and the tests can show reruns and a halt
 * without breaking a real dependency. Off unless a spec is given (never on AWS).
 *
 * <p>Spec: comma-separated {@code step:count[:kind]}, for example {@code import:6} (the Import
 * step fails 6 times with a dependency-unavailable error, enough to halt the job) or
 * {@code validate:1:timeout,import:1:crash}. Steps: start, validate, process, import, finish.
 * Kinds:
 * <ul>
 *   <li>{@code unavailable} (default): throws {@link DependencyUnavailableException} before the
 *       step does any work;</li>
 *   <li>{@code timeout}: the function runs out of time before doing any work
 *       ({@link SimulatedLambdaFailure}, {@code Lambda.Unknown} after 60 s);</li>
 *   <li>{@code crash}: the process is killed; for import, once half of the first batch is
 *       written, so the destination holds part of the file ({@code Lambda.Unknown}).</li>
 * </ul>
 * Each fault fires {@code count} times, then the step works again. Counts are shared by all runs
 * of this process.
 */
public final class FaultInjector {

    public static final FaultInjector NONE = new FaultInjector(List.of());

    /** The function timeout in template.yaml, which a timeout fault pretends to hit. */
    static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);

    private final List<Fault> faults;

    private FaultInjector(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    /** Reads a spec as described above; null or blank means no faults. */
    public static FaultInjector parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Fault> faults = new ArrayList<>();
        for (String part : spec.split(",")) {
            faults.add(Fault.parse(part.trim(), spec));
        }
        return new FaultInjector(faults);
    }

    public boolean isActive() {
        return !faults.isEmpty();
    }

    /** Fails here if a fault for {@code step} has firings left (except mid-import crashes). */
    public void beforeStep(Step step, String runId) {
        for (Fault fault : faults) {
            boolean midImport = step == Step.IMPORT && fault.kind == Kind.CRASH;
            if (fault.step == step && !midImport && fault.take()) {
                throw fault.failure(runId);
            }
        }
    }

    /**
     * The writer the Import step should use: {@code writer} itself, or one that is killed half-way
     * through its first batch while an {@code import:N:crash} fault has firings left.
     */
    public DestinationStore.Writer duringImport(String runId, DestinationStore.Writer writer) {
        for (Fault fault : faults) {
            if (fault.step == Step.IMPORT && fault.kind == Kind.CRASH && fault.take()) {
                return new CrashingWriter(writer, fault.failure(runId));
            }
        }
        return writer;
    }

    private enum Kind { UNAVAILABLE, TIMEOUT, CRASH }

    private static final class Fault {

        private final Step step;
        private final Kind kind;
        private final int count;
        private final AtomicInteger left;

        private Fault(Step step, Kind kind, int count) {
            this.step = step;
            this.kind = kind;
            this.count = count;
            this.left = new AtomicInteger(count);
        }

        static Fault parse(String part, String spec) {
            String[] fields = part.split(":");
            if (fields.length < 2 || fields.length > 3) {
                throw invalid(spec, "'" + part + "' is not step:count[:kind]");
            }
            Step step = parseStep(fields[0], spec);
            int count = parseCount(fields[1], spec);
            Kind kind = fields.length == 3 ? parseKind(fields[2], spec) : Kind.UNAVAILABLE;
            return new Fault(step, kind, count);
        }

        boolean take() {
            return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }

        RuntimeException failure(String runId) {
            int firing = count - left.get();
            String what = "injected fault " + firing + " of " + count + " in step "
                    + step.name().toLowerCase(Locale.ROOT) + " of run " + runId;
            return switch (kind) {
                case UNAVAILABLE -> new DependencyUnavailableException(
                        what + ": the dependency is unavailable (FaultInjector)");
                case TIMEOUT -> new SimulatedLambdaFailure("Lambda.Unknown",
                        what + ": Task timed out after 60.00 seconds", FUNCTION_TIMEOUT);
                case CRASH -> new SimulatedLambdaFailure("Lambda.Unknown",
                        what + ": Runtime exited with error: signal: killed",
                        Duration.ofSeconds(5));
            };
        }

        private static Step parseStep(String value, String spec) {
            try {
                Step step = Step.valueOf(value.trim().toUpperCase(Locale.ROOT));
                if (step != Step.END) {
                    return step;
                }
            } catch (IllegalArgumentException e) {
                // reported below with the list of steps
            }
            throw invalid(spec, "unknown step '" + value
                    + "'; use start, validate, process, import or finish");
        }

        private static int parseCount(String value, String spec) {
            try {
                int count = Integer.parseInt(value.trim());
                if (count > 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(spec, "count '" + value + "' must be a whole number above 0");
        }

        private static Kind parseKind(String value, String spec) {
            try {
                return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(spec, "unknown kind '" + value
                        + "'; use unavailable, timeout or crash");
            }
        }

        private static IllegalArgumentException invalid(String spec, String problem) {
            return new IllegalArgumentException("Invalid fault spec '" + spec + "': " + problem
                    + " (example: import:6 or validate:1:timeout,import:1:crash)");
        }
    }

    /** Writes the first half of the first batch, then dies as a killed process would. */
    private static final class CrashingWriter implements DestinationStore.Writer {

        private final DestinationStore.Writer writer;
        private final RuntimeException crash;
        private boolean closed;

        CrashingWriter(DestinationStore.Writer writer, RuntimeException crash) {
            this.writer = writer;
            this.crash = crash;
        }

        @Override
        public List<DestinationStore.Rejected> write(List<DestinationStore.Record> batch) {
            // What was written before the kill stays written: flush it, as a batch sent to
            // DynamoDB before the process died would be.
            writer.write(batch.subList(0, (batch.size() + 1) / 2));
            close();
            throw crash;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                writer.close();
            }
        }
    }
}
