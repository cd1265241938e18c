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

/**
 * The demo story: jobs from the bundled definitions, each fed a real or hand-made file, and what
 * came of it. The definitions and files are copied out of the jar into the demo's state directory,
 * so that a person can open, edit and upload them again.
 */
public final class Demo {

    /** One demo job: its definition, the file it is fed, and the run status the story expects. */
    public record Step(String definition, String file, RunStatus expected) {}

    public static final List<Step> STEPS = List.of(
            new Step("demo/us-zipcodes.yaml", "demo/data/zipcodes.csv", RunStatus.COMPLETED),
            new Step("demo/us-airports.yaml", "demo/data/airports.csv", RunStatus.COMPLETED),
            new Step("demo/contacts.yaml", "demo/contacts.csv", RunStatus.PARTIALLY_COMPLETED));

    private final LocalIntake intake;
    private final Path inputs;

    public Demo(LocalIntake intake) {
        this.intake = intake;
        this.inputs = intake.stateDirectory().resolve("inputs");
    }

    /** Runs every step and returns, per step, the job and the runs its upload caused. */
    public List<Outcome> run() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Step step : STEPS) {
            outcomes.add(run(step));
        }
        return outcomes;
    }

    private Outcome run(Step step) {
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
