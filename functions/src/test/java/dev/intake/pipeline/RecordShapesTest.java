package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.intake.port.FrozenValues.Names;
import org.junit.jupiter.api.Test;

class RecordShapesTest {

    private final RecordShapes shapes = new RecordShapes();

    @Test
    void givesRecordsWithTheSameFieldsInTheSameOrderOneSharedNames() {
        Names first = shapes.of(new String[] {"zip_code", "city", "state"}, 2);

        Names again = shapes.of(new String[] {new String("zip_code"), "city"}, 2);

        assertThat(again).isSameAs(first);
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.nameAt(1)).isEqualTo("city");
    }

    @Test
    void keepsEachShapeItsOwnNamesAndFindsItAgainAfterAnother() {
        Names full = shapes.of(new String[] {"zip_code", "city"}, 2);
        Names keyOnly = shapes.of(new String[] {"zip_code"}, 1);
        Names reordered = shapes.of(new String[] {"city", "zip_code"}, 2);

        Names fullAgain = shapes.of(new String[] {"zip_code", "city"}, 2);

        assertThat(keyOnly).isNotSameAs(full);
        assertThat(reordered).isNotSameAs(full);
        assertThat(reordered.nameAt(0)).isEqualTo("city");
        assertThat(fullAgain).isSameAs(full);
    }
}
