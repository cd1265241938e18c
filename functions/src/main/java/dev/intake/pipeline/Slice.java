package dev.intake.pipeline;

import dev.intake.read.SourceRow;
import java.util.List;

/**
 * A batch of one file's rows, validated on its own (by one Lambda of a Distributed Map, say).
 * Rows hold the values as the file has them, aligned with {@code header}.
 *
 * @param part   the batch's position in the file, from 0; parts are read back in this order
 * @param header the file's header as read, so that each batch maps columns the same way
 * @param rows   the rows, each with the line it starts on in the file
 */
public record Slice(int part, List<String> header, List<SourceRow> rows) {

    public Slice {
        if (part < 0) {
            throw new IllegalArgumentException(
                    "part " + part + " is negative; number parts from 0");
        }
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
