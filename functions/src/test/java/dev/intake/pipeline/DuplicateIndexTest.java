package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

    @Test
    void countsEachKeyAndKeepsTheLastLineUnderLastWins() {
        DuplicateIndex index = new DuplicateIndex(true, 2);
        index.add("00501", 2);
        index.add("00544", 3);
        index.add("00501", 9);

        assertThat(index.count("00501")).isEqualTo(2);
        assertThat(index.winner("00501")).isEqualTo(9);
        assertThat(index.count("00544")).isEqualTo(1);
        assertThat(index.count("99999")).isZero();
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void keepsTheFirstLineUnderFirstWins() {
        DuplicateIndex index = new DuplicateIndex(false, 2);
        index.add("a", 2);
        index.add("a", 5);

        assertThat(index.winner("a")).isEqualTo(2);
    }

    @Test
    void tellsKeysApartExactlyWhenTheirHashesCollide() {
        DuplicateIndex index = new DuplicateIndex(true, 4, key -> 42L);
        for (int i = 0; i < 1_000; i++) {
            index.add("key-" + i, i);
        }
        index.add("key-7", 5_000);

        assertThat(index.size()).isEqualTo(1_000);
        assertThat(index.count("key-7")).isEqualTo(2);
        assertThat(index.winner("key-7")).isEqualTo(5_000);
        assertThat(index.count("key-8")).isEqualTo(1);
        assertThat(index.winner("key-999")).isEqualTo(999);
    }

    @Test
    void growsPastItsFirstCapacityWithoutLosingAKey() {
        DuplicateIndex index = new DuplicateIndex(true, 16);
        for (int i = 0; i < 200_000; i++) {
            index.add(Integer.toString(i), i);
        }

        assertThat(index.size()).isEqualTo(200_000);
        assertThat(index.winner("0")).isZero();
        assertThat(index.winner("199999")).isEqualTo(199_999);
        assertThat(index.count("123456")).isEqualTo(1);
    }

    @Test
    void hasRepeatsOnlyOnceAKeyIsAddedTwice() {
        DuplicateIndex index = new DuplicateIndex(true, 4);
        index.add("00501", 2);
        index.add("00544", 3);
        boolean beforeRepeat = index.hasRepeats();
        index.add("00501", 4);

        assertThat(beforeRepeat).isFalse();
        assertThat(index.hasRepeats()).isTrue();
    }
}
