package dev.intake.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One case of the conformance corpus (see {@code conformance/README.md}).
 *
 * @param id {@code <group>/<name>}, the file's path below the corpus folder without ".json"
 * @param json the whole case file
 * @param definition the definition, read from {@code definitionFile} when the case names one
 */
record ConformanceCase(String id, JsonNode json, JsonNode definition) {

    static final ObjectMapper JSON = new ObjectMapper();

    ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(definition, "definition");
    }

    /** Every case below {@code corpus}, sorted by id. */
    static List<ConformanceCase> loadAll(Path corpus, Path repoRoot) {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(file -> load(corpus, file, repoRoot))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the conformance corpus " + corpus, e);
        }
    }

    private static ConformanceCase load(Path corpus, Path file, Path repoRoot) {
        String id = corpus.relativize(file).toString().replace('\\', '/')
                .replaceAll("\\.json$", "");
        JsonNode json = read(file);
        JsonNode definition = json.has("definitionFile")
                ? read(repoRoot.resolve(json.get("definitionFile").textValue()))
                : json.get("definition");
        if (definition == null) {
            throw new IllegalStateException("Case " + id
                    + " has neither definition nor definitionFile");
        }
        return new ConformanceCase(id, json, definition);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    String group() {
        return id.substring(0, id.indexOf('/'));
    }

    JsonNode input() {
        return json.has("input") ? json.get("input") : JSON.createObjectNode();
    }

    JsonNode stubs() {
        return json.has("stubs") ? json.get("stubs") : NullNode.getInstance();
    }

    JsonNode objects() {
        return json.has("objects") ? json.get("objects") : JSON.createObjectNode();
    }

    JsonNode expect() {
        return json.get("expect");
    }

    boolean expectsDefinitionError() {
        return expect().has("definitionError");
    }

    boolean alsSkipped() {
        return json.path("als").has("skip");
    }

    /** Why ALS is known to differ from AWS here; null when it should agree. */
    String alsDivergence() {
        JsonNode divergence = json.path("als").get("divergence");
        return divergence == null ? null : divergence.textValue();
    }
}
