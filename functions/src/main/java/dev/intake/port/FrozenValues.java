package dev.intake.port;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Record values in their order that nobody can change, so that a record built from another
 * record's values shares them instead of copying them again: a million-row import otherwise spends
 * a good part of its time copying maps.
 */
public final class FrozenValues extends AbstractMap<String, Object> {

    private final Map<String, Object> values;

    private FrozenValues(Map<String, Object> values) {
        this.values = values;
    }

    /** The values themselves when already frozen, otherwise an unchangeable copy in order. */
    public static Map<String, Object> of(Map<String, Object> values) {
        if (values instanceof FrozenValues frozen) {
            return frozen;
        }
        return new FrozenValues(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return values.entrySet();
    }

    @Override
    public Object get(Object key) {
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return values.containsKey(key);
    }

    @Override
    public int size() {
        return values.size();
    }
}
