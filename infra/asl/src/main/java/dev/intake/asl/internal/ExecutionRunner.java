package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.AslExecution;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.asl.HistoryEventType;
import dev.intake.asl.VirtualClock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one execution from ExecutionStarted to its final event. */
public final class ExecutionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);

    private final Run run;

    private ExecutionRunner(Run run) {
        this.run = run;
    }

    /**
     * Prepares an execution; the start time is read from the clock now.
     *
     * @throws IllegalArgumentException when the input is over the payload quota
     */
    public static ExecutionRunner prepare(Definition definition, JsonNode input,
            ExecutionOptions options, Services services, boolean async) {
        Objects.requireNonNull(input, "input");
        int size = Json.utf8Size(input);
        if (size > Json.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("Execution input of " + options.executionName()
                    + " is " + size + " bytes; the limit is " + Json.MAX_PAYLOAD_BYTES
                    + " bytes of UTF-8 JSON");
        }
        return new ExecutionRunner(new Run(definition, options, services, input, async));
    }

    public ExecutionResult run() {
        Frame frame = Frame.root(run);
        started(frame);
        LOG.debug("execution started executionArn={}", run.executionArn());
        try {
            JsonNode output = BranchRunner.run(run.definition().root(), run.input(), frame);
            Io.checkSize(output, "execution", "returned an output");
            return finish(frame, ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (StatesError error) {
            return finish(frame, ExecutionStatus.FAILED, null, error.error(), error.cause());
        } catch (ExecutionStop stop) {
            if (stop.status() == ExecutionStatus.TIMED_OUT) {
                frame.timeline().advanceTo(run.deadline());
            }
            return finish(frame, stop.status(), null, stop.error(), stop.cause());
        } finally {
            run.markEnded();
        }
    }

    public AslExecution startAsync() {
        return new AsyncExecution(run, this::run);
    }

    private void started(Frame frame) {
        ObjectNode details = Json.object();
        details.set("input", run.input());
        details.put("roleArn", run.options().roleArn());
        details.put("stateMachineArn", run.options().stateMachineArn());
        frame.log().add(run.startTime(), HistoryEventType.ExecutionStarted, null, details);
    }

    private ExecutionResult finish(Frame frame, ExecutionStatus status, JsonNode output,
            String error, String cause) {
        Instant stop = frame.timeline().now();
        ObjectNode details = Json.object();
        if (status == ExecutionStatus.SUCCEEDED) {
            details.set("output", output);
        } else {
            details.put("error", error);
            details.put("cause", cause);
        }
        frame.log().add(stop, finalEvent(status), null, details);
        if (run.services().clock() instanceof VirtualClock clock) {
            clock.advanceTo(stop);
        }
        LOG.debug("execution ended executionArn={} status={} error={}", run.executionArn(),
                status, error);
        return new ExecutionResult(run.executionArn(), status, output, error, cause,
                run.startTime(), stop, frame.log().toHistory());
    }

    private static HistoryEventType finalEvent(ExecutionStatus status) {
        return switch (status) {
            case SUCCEEDED -> HistoryEventType.ExecutionSucceeded;
            case FAILED -> HistoryEventType.ExecutionFailed;
            case TIMED_OUT -> HistoryEventType.ExecutionTimedOut;
            case ABORTED -> HistoryEventType.ExecutionAborted;
        };
    }
}
