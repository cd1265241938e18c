package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyHashesTest {

    /** Spreads 1, 2, 3... over every bucket and slot, as a good hash would. */
    static final long SPREAD = 0x9E3779B97F4A7C15L;

    @Nested
    class FindingRepeats {

        @Test
        void findsNoneAmongDistinctHashes() {
            KeyHashes hashes = new KeyHashes(4);
            hashes.add(5L);
            hashes.add(-5L);

            assertThat(hashes.anyRepeated()).isFalse();
        }

        @Test
        void findsAHashAddedTwice() {
            KeyHashes hashes = new KeyHashes(4);
            hashes.add(5L);
            hashes.add(-5L);
            hashes.add(5L);

            assertThat(hashes.anyRepeated()).isTrue();
        }

        @Test
        void findsTheHashZeroAddedTwiceThoughZeroMarksAFreeSlot() {
            KeyHashes hashes = new KeyHashes(4);
            hashes.add(0L);
            hashes.add(0L);

            assertThat(hashes.anyRepeated()).isTrue();
        }

        @Test
        void findsNoneWhenNothingWasAdded() {
            assertThat(new KeyHashes(1_000).anyRepeated()).isFalse();
        }

        @Test
        void findsARepeatAmongManyMoreHashesThanExpected() {
            KeyHashes hashes = new KeyHashes(16);
            for (long i = 1; i <= 300_000; i++) {
                hashes.add(i * SPREAD);
            }
            boolean beforeRepeat = hashes.anyRepeated();
            hashes.add(123_457L * SPREAD);

            assertThat(beforeRepeat).isFalse();
            assertThat(hashes.anyRepeated()).isTrue();
        }

        @Test
        void findsARepeatAmongHashesThatAllFallInOneBucket() {
            KeyHashes hashes = new KeyHashes(16);
            for (long i = 1; i <= 5_000; i++) {
                hashes.add(i << 20);
            }
            boolean beforeRepeat = hashes.anyRepeated();
            hashes.add(4_999L << 20);

            assertThat(beforeRepeat).isFalse();
            assertThat(hashes.anyRepeated()).isTrue();
        }
    }

    @Nested
    class Hashing {

        @Test
        void hashesTheSameBytesAlikeWhereverTheyLie() {
            byte[] alone = "00501".getBytes(StandardCharsets.UTF_8);
            byte[] within = "xx00501yy".getBytes(StandardCharsets.UTF_8);

            assertThat(KeyHashes.hash(within, 2, 7)).isEqualTo(KeyHashes.hash(alone, 0, 5));
        }

        @Test
        void hashesKeysThatDifferInOneByteApart() {
            byte[] keys = "0050100502".getBytes(StandardCharsets.UTF_8);

            assertThat(KeyHashes.hash(keys, 0, 5)).isNotEqualTo(KeyHashes.hash(keys, 5, 10));
        }

        @Test
        void hashesAKeyAsTheUtf8BytesItIsStagedAs() {
            for (String key : List.of("", "00501", "K\u00f8benhavn", "\u6771\u4eac",
                    "emoji \uD83D\uDE00", "a\u0080", "tab\tand\u001Funit")) {
                byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);

                assertThat(KeyHashes.hash(key)).as(key)
                        .isEqualTo(KeyHashes.hash(utf8, 0, utf8.length));
            }
        }
    }
}
