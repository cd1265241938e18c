package dev.intake.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.ExecutionOptions;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.Interpreter;
import dev.intake.asl.StateMachine;
import dev.intake.local.store.SqliteProcessedEvents;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.WorkflowJson;
import dev.intake.workflow.WorkflowStarter;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Starts executions of the import-run state machine in this process. A start only queues the
 * execution, because it is usually asked for from inside a handler (the arrival handler); the
 * runtime then runs the queue to its end with {@link #drain()}. Names are remembered in the
 * database, so a name used before (in any process on the same state directory) starts nothing.
 */
final class LocalExecutions implements WorkflowStarter {

    private static final String ROLE = "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/intake-local";

    private final String stateMachineName;
    private final SqliteProcessedEvents names;
    private final Clock clock;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private Interpreter interpreter;
    private StateMachine stateMachine;

    private record Pending(ExecutionOptions options, JsonNode input) {}

    LocalExecutions(String stateMachineName, SqliteProcessedEvents names, Clock clock) {
        this.stateMachineName = stateMachineName;
        this.names = names;
        this.clock = clock;
    }

    /** Set once the interpreter exists; it needs the services that need this starter. */
    void bind(Interpreter value, StateMachine machine) {
        this.interpreter = value;
        this.stateMachine = machine;
    }

    @Override
    public synchronized Start start(String name, RunRequest request) {
        ExecutionOptions options = new ExecutionOptions(name, stateMachineName, ROLE,
                LocalAws.REGION, LocalAws.ACCOUNT);
        String arn = options.executionArn();
        if (!names.markProcessed("execution:" + name, null, clock.instant())) {
            return new Start(arn, false);
        }
        queue.add(new Pending(options, WorkflowJson.mapper().valueToTree(request)));
        return new Start(arn, true);
    }

    /** Runs every queued execution, and those they start, to its end, in order. */
    List<ExecutionResult> drain() {
        List<ExecutionResult> results = new ArrayList<>();
        Pending next;
        while ((next = poll()) != null) {
            results.add(interpreter.run(stateMachine, next.input(), next.options()));
        }
        return results;
    }

    private synchronized Pending poll() {
        return queue.poll();
    }
}
