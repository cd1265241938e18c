package dev.intake.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.port.FrozenValues.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FrozenValuesTest {

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            values.put((String) namesAndValues[index], namesAndValues[index + 1]);
        }
        return values;
    }

    @Nested
    class CopiedFromAMap {

        @Test
        void keepsTheOrderAndEqualsTheOriginal() {
            Map<String, Object> original = ordered("zip_code", "00501", "stores", 3L,
                    "note", null);

            Map<String, Object> frozen = FrozenValues.of(original);

            assertThat(frozen).isEqualTo(original).hasSameHashCodeAs(original);
            assertThat(new ArrayList<>(frozen.keySet()))
                    .containsExactly("zip_code", "stores", "note");
            assertThat(frozen.containsKey("note")).isTrue();
            assertThat(frozen.get("stores")).isEqualTo(3L);
            assertThat(frozen.get("missing")).isNull();
        }

        @Test
        void doesNotFollowLaterChangesOfTheOriginal() {
            Map<String, Object> original = ordered("zip_code", "00501");
            Map<String, Object> frozen = FrozenValues.of(original);

            original.put("zip_code", "99999");

            assertThat(frozen).containsExactly(Map.entry("zip_code", "00501"));
        }

        @Test
        void refusesChanges() {
            Map<String, Object> frozen = FrozenValues.of(ordered("zip_code", "00501"));

            assertThatThrownBy(() -> frozen.put("city", "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void returnsFrozenValuesAsTheyAre() {
            Map<String, Object> frozen = FrozenValues.of(ordered("zip_code", "00501"));

            assertThat(FrozenValues.of(frozen)).isSameAs(frozen);
        }

        @Test
        void findsNamesInWideRecordsThroughTheIndex() {
            Map<String, Object> wide = new LinkedHashMap<>();
            for (int index = 0; index < 40; index++) {
                wide.put("field_" + index, (long) index);
            }

            Map<String, Object> frozen = FrozenValues.of(wide);

            assertThat(frozen.get("field_33")).isEqualTo(33L);
            assertThat(frozen.get(new String("field_7"))).isEqualTo(7L);
            assertThat(frozen.containsKey("field_40")).isFalse();
            assertThat(frozen).isEqualTo(wide);
        }
    }

    @Nested
    class AdoptedArrays {

        @Test
        void shareTheNamesAndFindValuesByEqualNames() {
            Names names = Names.of(List.of("zip_code", "city"));

            FrozenValues first = FrozenValues.adopt(names, new Object[] {"00501", "Holtsville"});
            FrozenValues second = FrozenValues.adopt(names, new Object[] {"00601", "Adjuntas"});

            assertThat(first.names()).isSameAs(second.names());
            assertThat(second.get(new String("city"))).isEqualTo("Adjuntas");
            assertThat(first.valueAt(0)).isEqualTo("00501");
            assertThat(first).isEqualTo(ordered("zip_code", "00501", "city", "Holtsville"));
        }

        @Test
        void refuseAsManyValuesAsNamesNot() {
            Names names = Names.of(List.of("zip_code", "city"));

            assertThatThrownBy(() -> FrozenValues.adopt(names, new Object[] {"00501"}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("2 names for 1 values");
        }

        @Test
        void refuseANameGivenTwice() {
            assertThatThrownBy(() -> Names.of(List.of("zip_code", "city", "zip_code")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field zip_code named twice");
        }
    }
}
