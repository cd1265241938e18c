package dev.intake.port;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Record values in their order that nobody can change, held as two arrays: the field names, which
 * records of one shape share, and the values. A record built from another record's values shares
 * them instead of copying them again, and a million records cost a million small arrays rather
 * than a million hash maps: building and copying maps was a good part of a large import's time.
 */
public final class FrozenValues extends AbstractMap<String, Object> {

    private static final Names NONE = Names.of(List.of());

    private final Names names;
    private final Object[] values;

    private FrozenValues(Names names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The values themselves when already frozen, otherwise an unchangeable copy in order. */
    public static FrozenValues of(Map<String, Object> values) {
        if (values instanceof FrozenValues frozen) {
            return frozen;
        }
        if (values.isEmpty()) {
            return new FrozenValues(NONE, new Object[0]);
        }
        String[] keys = new String[values.size()];
        Object[] copy = new Object[values.size()];
        int index = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            keys[index] = Objects.requireNonNull(entry.getKey(), "a field name is null");
            copy[index++] = entry.getValue();
        }
        // A map's keys are distinct already.
        return new FrozenValues(new Names(keys), copy);
    }

    /**
     * Values named by {@code names}, position by position. The array is taken over, not copied:
     * the caller must not change it afterwards.
     */
    public static FrozenValues adopt(Names names, Object[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length
                    + " values");
        }
        return new FrozenValues(names, values);
    }

    /** The names, shared by every record built with the same {@link Names}. */
    public Names names() {
        return names;
    }

    /** The value at {@code index}, in the order of {@link #names()}. */
    public Object valueAt(int index) {
        return values[index];
    }

    @Override
    public Object get(Object key) {
        int index = names.indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {

                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(names.nameAt(index), values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /**
     * Field names in order, distinct, to be shared by many records. Small sets are searched in
     * place (names of one schema are usually the very same String objects, found by identity);
     * larger ones through an index.
     */
    public static final class Names {

        private static final int SCAN_LIMIT = 12;

        private final String[] names;
        private final Map<String, Integer> index;

        private Names(String[] names) {
            this.names = names;
            if (names.length > SCAN_LIMIT) {
                index = new HashMap<>(names.length * 2);
                for (int i = 0; i < names.length; i++) {
                    index.put(names[i], i);
                }
            } else {
                index = null;
            }
        }

        /** Throws when a name is null or repeated: a record has one value per field. */
        public static Names of(List<String> names) {
            String[] copy = names.toArray(new String[0]);
            Set<String> seen = new HashSet<>();
            for (String name : copy) {
                if (!seen.add(Objects.requireNonNull(name, "a field name is null"))) {
                    throw new IllegalArgumentException("field " + name + " named twice");
                }
            }
            return new Names(copy);
        }

        public int size() {
            return names.length;
        }

        public String nameAt(int position) {
            return names[position];
        }

        /** The position of {@code name}, or -1. */
        public int indexOf(Object name) {
            if (index != null) {
                Integer position = index.get(name);
                return position == null ? -1 : position;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
