package dev.intake.pipeline;

import dev.intake.port.FrozenValues;
import java.util.Map;

/**
 * A valid row after processing: trimmed, typed values by field name, in schema order (String,
 * Long, BigDecimal, Boolean; dates as {@code yyyy-MM-dd} and timestamps as ISO
 * instants, both String). Empty optional fields are absent, so that merge mode leaves them alone.
 *
 * @param line the line the row starts on in the source file
 * @param key  the key values joined, used to find rows of one file that share a key
 */
public record ProcessedRecord(long line, String key, Map<String, Object> values) {

    public ProcessedRecord {
        values = FrozenValues.of(values);
    }
}
