package dev.intake.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.asl.HistoryEvent;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.asl.VirtualClock;
import dev.intake.asl.stubs.StubbedResources;
import dev.intake.asl.stubs.Stubs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code intake asl}: run any state machine definition in the in-process interpreter. */
@Command(name = "asl", mixinStandardHelpOptions = true,
        description = "Run Amazon States Language definitions locally.",
        subcommands = AslCommand.Run.class)
final class AslCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run DEFINITION on a virtual clock (waits and retries take no real time)"
                    + " and print how it ended.",
                "Tasks answer from the stubs file: {\"State\": [{\"return\": value},"
                    + " {\"throw\": {\"error\": \"Name\", \"cause\": \"text\"}}]}, one answer per"
                    + " call, the last one repeating."})
    static final class Run extends CliCommand implements Runnable {

        /** A fixed start, so that the same definition, input and stubs print the same times. */
        static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

        @Parameters(paramLabel = "DEFINITION", description = "The state machine (JSON).")
        Path definition;

        @Option(names = "--input", required = true, paramLabel = "FILE",
                description = "The execution input (JSON).")
        Path input;

        @Option(names = "--stubs", paramLabel = "FILE", description = "Task answers by state name.")
        Path stubs;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Option(names = "--history", description = "Also print every execution event.")
        boolean history;

        @Override
        public void run() {
            StateMachine machine = StateMachine.parse(JsonFiles.read(definition));
            JsonNode executionInput = JsonFiles.read(input);
            Stubs answers = stubs == null
                    ? Stubs.parse(Json.MAPPER.createObjectNode(), "no --stubs file")
                    : Stubs.load(stubs);
            answers.requireStubsFor(machine);
            StubbedResources resources = answers.resources();
            Interpreter interpreter = Interpreter.builder()
                    .clock(new VirtualClock(START))
                    .lambdas(resources)
                    .tasks(resources)
                    .build();

            ExecutionResult result = interpreter.run(machine, executionInput,
                    ExecutionOptions.named("local").withStateMachineName(name(definition)));

            print(result);
            if (result.status() != ExecutionStatus.SUCCEEDED) {
                throw new CliFailure(ExitCode.RUN_FAILED, "execution " + result.status() + ": "
                        + result.error() + (result.cause() == null ? "" : ": " + result.cause()));
            }
        }

        private void print(ExecutionResult result) {
            if (json) {
                out().println(Json.write(asJson(result)));
                return;
            }
            Duration took = Duration.between(result.startTime(), result.stopTime());
            out().println(result.status() + " after " + took.toMillis() / 1000.0
                    + " s of virtual time");
            if (result.output() != null) {
                out().println(Json.write(result.output()));
            }
            if (history) {
                out().println();
                out().print(result.formattedHistory());
            }
            out().flush();
        }

        private ObjectNode asJson(ExecutionResult result) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("status", result.status().name());
            node.set("output", result.output());
            node.put("error", result.error());
            node.put("cause", result.cause());
            node.put("startTime", result.startTime().toString());
            node.put("stopTime", result.stopTime().toString());
            if (history) {
                var events = node.putArray("history");
                for (HistoryEvent event : result.history()) {
                    events.addObject()
                            .put("id", event.id())
                            .put("timestamp", event.timestamp().toString())
                            .put("type", event.type().name())
                            .put("stateName", event.stateName())
                            .set("details", event.details());
                }
            }
            return node;
        }

        private static String name(Path definition) {
            String file = definition.getFileName().toString();
            String base = file.replaceAll("(\\.asl)?\\.json$", "");
            String name = base.replaceAll("[^A-Za-z0-9_-]", "-");
            return name.isEmpty() ? "StateMachine" : name;
        }
    }
}
