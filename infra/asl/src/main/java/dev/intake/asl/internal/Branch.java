package dev.intake.asl.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A StartAt and its States: the top level, a Parallel branch or a Map's ItemProcessor. */
public record Branch(String startAt, Map<String, StateDef> states) {

    public Branch {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    public StateDef state(String name) {
        StateDef state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("validated branch without state " + name);
        }
        return state;
    }
}
