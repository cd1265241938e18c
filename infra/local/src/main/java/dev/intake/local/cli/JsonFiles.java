package dev.intake.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.local.runtime.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a JSON file named on the command line, with the line of a syntax error. */
final class JsonFiles {

    private JsonFiles() {}

    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no such file: " + file);
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + e.getLocation().getLineNr()
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
