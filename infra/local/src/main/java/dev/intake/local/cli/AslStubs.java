package dev.intake.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.asl.InvocationContext;
import dev.intake.asl.LambdaInvoker;
import dev.intake.asl.LambdaResult;
import dev.intake.asl.TaskFailedException;
import dev.intake.asl.TaskHandler;
import dev.intake.asl.TaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Task answers read from a stubs file: for each state name, the answers its task gives, one per
 * call ({@code {"return": value}} or {@code {"throw": {"error": name, "cause": text}}}); the last
 * answer repeats. A task without stubs fails as a missing function would.
 */
final class AslStubs implements LambdaInvoker, TaskHandler {

    private final Path file;
    private final Map<String, List<JsonNode>> answers;
    private final Map<String, Integer> calls = new HashMap<>();

    private AslStubs(Path file, Map<String, List<JsonNode>> answers) {
        this.file = file;
        this.answers = answers;
    }

    static AslStubs none() {
        return new AslStubs(null, Map.of());
    }

    static AslStubs read(Path file) {
        JsonNode root = readJson(file);
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": stubs must be an object mapping state names"
                    + " to lists of answers");
        }
        Map<String, List<JsonNode>> answers = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            answers.put(field.getKey(), answersOf(file, field.getKey(), field.getValue()));
        }
        return new AslStubs(file, answers);
    }

    @Override
    public LambdaResult invoke(String functionName, JsonNode payload, InvocationContext context) {
        JsonNode answer = next(context.stateName(), functionName);
        if (answer.has("throw")) {
            JsonNode error = answer.get("throw");
            return LambdaResult.failed(error.path("error").asText(), error.path("cause").asText(null),
                    List.of());
        }
        return LambdaResult.of(answer.get("return"));
    }

    @Override
    public TaskResult handle(String resource, JsonNode parameters, InvocationContext context) {
        JsonNode answer = next(context.stateName(), resource);
        if (answer.has("throw")) {
            JsonNode error = answer.get("throw");
            throw new TaskFailedException(error.path("error").asText(),
                    error.path("cause").asText(null));
        }
        return TaskResult.of(answer.get("return"));
    }

    private synchronized JsonNode next(String state, String resource) {
        List<JsonNode> list = answers.get(state);
        if (list == null) {
            String where = file == null ? "no --stubs file was given" : file + " has no stubs for it";
            throw new TaskFailedException("States.TaskFailed", "state " + state + " calls "
                    + resource + ", and " + where);
        }
        int call = calls.merge(state, 1, Integer::sum) - 1;
        return list.get(Math.min(call, list.size() - 1));
    }

    private static List<JsonNode> answersOf(Path file, String state, JsonNode value) {
        List<JsonNode> list = new ArrayList<>();
        value.forEach(list::add);
        if (!value.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": stubs of state " + state + " must be a"
                    + " non-empty list of {\"return\": ...} or {\"throw\": {...}}");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode answer = list.get(i);
            if (!answer.has("return") && !answer.path("throw").has("error")) {
                throw new IllegalArgumentException(file + ": stub " + (i + 1) + " of state " + state
                        + " must be {\"return\": value} or {\"throw\": {\"error\": name,"
                        + " \"cause\": text}}, found " + answer);
            }
        }
        return List.copyOf(list);
    }

    static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new dev.intake.local.runtime.NotFoundException("no such file: " + file);
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + e.getLocation().getLineNr()
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
