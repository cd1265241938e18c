package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyHashSetTest {

    @Nested
    class Adding {

        @Test
        void acceptsAHashOnceAndRefusesItAfter() {
            KeyHashSet set = new KeyHashSet(4);

            assertThat(set.add(5L)).isTrue();
            assertThat(set.add(-5L)).isTrue();
            assertThat(set.add(5L)).isFalse();
        }

        @Test
        void remembersTheHashZeroThoughZeroMarksAnEmptySlot() {
            KeyHashSet set = new KeyHashSet(4);

            assertThat(set.add(0L)).isTrue();
            assertThat(set.add(0L)).isFalse();
        }

        @Test
        void growsPastItsFirstCapacityWithoutLosingAHash() {
            KeyHashSet set = new KeyHashSet(16);
            for (long i = 1; i <= 200_000; i++) {
                assertThat(set.add(i * 0x9E3779B97F4A7C15L)).isTrue();
            }

            for (long i = 1; i <= 200_000; i++) {
                assertThat(set.add(i * 0x9E3779B97F4A7C15L)).isFalse();
            }
        }

        @Test
        void findsRepeatsAmongHashesThatShareTheirLowBits() {
            KeyHashSet set = new KeyHashSet(16);
            for (long i = 1; i <= 1_000; i++) {
                set.add(i << 32);
            }

            assertThat(set.add(500L << 32)).isFalse();
            assertThat(set.add(1_001L << 32)).isTrue();
        }
    }

    @Nested
    class Hashing {

        @Test
        void hashesTheSameBytesAlikeWhereverTheyLie() {
            byte[] alone = "00501".getBytes(StandardCharsets.UTF_8);
            byte[] within = "xx00501yy".getBytes(StandardCharsets.UTF_8);

            assertThat(KeyHashSet.hash(within, 2, 7)).isEqualTo(KeyHashSet.hash(alone, 0, 5));
        }

        @Test
        void hashesKeysThatDifferInOneByteApart() {
            byte[] keys = "0050100502".getBytes(StandardCharsets.UTF_8);

            assertThat(KeyHashSet.hash(keys, 0, 5)).isNotEqualTo(KeyHashSet.hash(keys, 5, 10));
        }
    }
}
