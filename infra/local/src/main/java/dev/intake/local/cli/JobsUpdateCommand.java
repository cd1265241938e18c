package dev.intake.local.cli;

import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinitionParser;
import dev.intake.local.runtime.LocalRuntime;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code intake jobs update FILE}: replaces the definition of the job FILE names by its id. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Replace a job's definition with FILE (the job is the one with FILE's id).",
            "Draft stays Draft; Sampling failed goes back to Draft; Paused and Halted keep their"
                + " status and take the new schedule when reactivated. An Active job is refused"
                + " (exit code 4): pause it first."})
final class JobsUpdateCommand extends CliCommand implements Runnable {

    @Parameters(paramLabel = "FILE", description = "The new job definition (YAML or JSON).")
    Path file;

    @Option(names = "--json", description = "Print the job as JSON.")
    boolean json;

    @Override
    public void run() {
        JobDefinition definition = new JobDefinitionParser()
                .parse(LocalRuntime.readDefinition(file));

        Job job;
        try (LocalJobs jobs = LocalJobs.open(this)) {
            jobs.runtime().job(definition.id());
            job = jobs.lifecycle().redefine(definition, "intake jobs update " + file.getFileName());
        }

        out().println(json ? Json.write(Json.job(job)) : "Updated job " + job.id() + " ("
                + Labels.of(job.status()) + "); files under " + Views.prefix(job)
                + " belong to it.");
    }
}
