package dev.intake.pipeline;

import dev.intake.port.FrozenValues.Names;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares one {@link Names} among the records that have the same fields in the same order, which
 * is nearly every record of a file: the names are then held once, not once per record. Not
 * thread-safe; one per reader or validator.
 */
final class RecordShapes {

    /** Distinct shapes remembered; past that, records of new shapes get their own names. */
    private static final int MAX_SHAPES = 256;

    private final Map<List<String>, Names> shapes = new HashMap<>();
    private Names last;

    /** The shared names for the first {@code count} of {@code names}. */
    Names of(String[] names, int count) {
        if (last != null && same(last, names, count)) {
            return last;
        }
        List<String> key = List.of(Arrays.copyOf(names, count));
        Names found = shapes.get(key);
        if (found == null) {
            found = Names.of(key);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(key, found);
            }
        }
        last = found;
        return found;
    }

    private static boolean same(Names shape, String[] names, int count) {
        if (shape.size() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            String name = shape.nameAt(i);
            if (name != names[i] && !name.equals(names[i])) {
                return false;
            }
        }
        return true;
    }
}
