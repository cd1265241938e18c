package dev.intake.local.demo;

import dev.intake.job.Job;
import dev.intake.local.runtime.LocalIntake;
import dev.intake.run.Run;
import dev.intake.run.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The demo story: jobs from the bundled definitions, each fed a real or hand-made file, and what
 * came of it. The definitions and files are copied out of the jar into the demo's state directory,
 * so that a person can open, edit and upload them again.
 */
public final class Demo {

    /**
     * One demo job: its definition, the file it is fed, the faults injected while it runs (a
     * {@code FaultInjector} spec, or null) and the run status the story expects.
     */
    public record Step(String definition, String file, String faults, RunStatus expected) {}

    public static final List<Step> STEPS = List.of(
            new Step("demo/us-zipcodes.yaml", "demo/data/zipcodes.csv", null, RunStatus.COMPLETED),
            new Step("demo/us-airports.yaml", "demo/data/airports.csv", null, RunStatus.COMPLETED),
            new Step("demo/contacts.yaml", "demo/contacts.csv", null,
                    RunStatus.PARTIALLY_COMPLETED),
            new Step("demo/warehouse-stock.yaml", "demo/warehouse-stock.csv", "import:6",
                    RunStatus.HALTED));

    private final Function<String, LocalIntake> runtime;
    private final Path inputs;

    /**
     * @param runtime opens the runtime on the demo's state directory with the given faults
     * @param inputs  where the bundled definitions and files are copied to
     */
    public Demo(Function<String, LocalIntake> runtime, Path inputs) {
        this.runtime = runtime;
        this.inputs = inputs;
    }

    /** Runs every step and returns, per step, the job and the runs its upload caused. */
    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : STEPS) {
            try (LocalIntake intake = runtime.apply(step.faults())) {
                outcomes.add(run(intake, step));
            }
        }
        return outcomes;
    }

    private Outcome run(LocalIntake intake, Step step) {
        Job job = intake.createJob(copyOut(step.definition()));

        intake.activate(job.id());

        List<Run> runs = intake.upload(job.id(), copyOut(step.file()));

        return new Outcome(step, intake.job(job.id()), runs);
    }

    /** What one step did; {@code asExpected} compares the last run with the story. */
    public record Outcome(Step step, Job job, List<Run> runs) {

        public Outcome {
            runs = List.copyOf(runs);
        }

        public Run lastRun() {
            return runs.get(runs.size() - 1);
        }

        public boolean asExpected() {
            return !runs.isEmpty() && lastRun().status() == step.expected();
        }
    }

    private Path copyOut(String resource) {
        Path target = inputs.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar; rebuild it");
            }
            Files.createDirectories(inputs);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }
}
