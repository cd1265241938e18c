package dev.intake.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.fake.FakeJobSchedules;
import dev.intake.fake.InMemoryJobStore;
import dev.intake.fake.InMemoryPendingFiles;
import dev.intake.fake.MutableClock;
import dev.intake.testing.InMemoryDestinationStore;
import dev.intake.testing.InMemoryObjectStore;
import dev.intake.testing.InMemoryRunStore;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowConfig;
import dev.intake.workflow.WorkflowJson;
import dev.intake.workflow.WorkflowStarter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The in-memory services the handler tests run on, and a way to invoke a handler with JSON. */
final class HandlerHarness {

    static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    static final String BUCKET = "intake-files";

    final MutableClock clock = new MutableClock(T0);
    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final InMemoryJobStore jobs = new InMemoryJobStore();
    final FakeJobSchedules schedules = new FakeJobSchedules();
    final InMemoryPendingFiles pending = new InMemoryPendingFiles();
    final List<String> startedExecutions = new ArrayList<>();
    final Services services = new Services(objects, jobs, new InMemoryRunStore(),
            new InMemoryDestinationStore(), email -> "unused", schedules, pending,
            starter(), clock, WorkflowConfig.defaults(BUCKET), FaultInjector.NONE);

    private WorkflowStarter starter() {
        return (name, request) -> {
            startedExecutions.add(name);
            return new WorkflowStarter.Start(name, true);
        };
    }

    static JsonNode invoke(JsonHandler<?, ?> handler, String input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    output, null);
            return WorkflowJson.mapper().readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return WorkflowJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
