package dev.intake.local.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the folder store remembers of one object beside its bytes: its version number, ETag, and
 * the size and modification time it had when they were computed (a difference means the file was
 * changed outside the store, and gets the next version).
 */
record ObjectMeta(long version, String etag, long size, Instant lastModified) {

    boolean describes(long currentSize, Instant currentLastModified) {
        return size == currentSize && lastModified.equals(currentLastModified);
    }

    static ObjectMeta read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return new ObjectMeta(Long.parseLong(fields.get("version")), fields.get("etag"),
                Long.parseLong(fields.get("size")), Instant.parse(fields.get("lastModified")));
    }

    /** Writes beside and moves into place, so a reader never sees half a file. */
    void write(Path file, String key) throws IOException {
        Files.createDirectories(file.getParent());
        String text = "key=" + key + "\nversion=" + version + "\netag=" + etag + "\nsize=" + size
                + "\nlastModified=" + lastModified + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
