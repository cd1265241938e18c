package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimplePatternTest {

    static final List<String> PLAIN = List.of("^[0-9]{5}$", "[0-9]{5}", "^[A-Z]{2}$", "^\\d+$",
            "^[A-Za-z0-9_-]{1,8}$", "[A-Z]{2}[0-9]{3}", "^[a-c]?$", "[a-z]*", "x{2,}",
            "^[-0-9]{3,5}$", "[A-Z]{2}-[0-9]{2}", "^[a z]{0}$", "^[\\dA-F]{4}$", "ab");

    /** Values that sit on every edge: length, case, non-ASCII digits, surrogates, line ends. */
    static final List<String> EDGES = List.of("", "1", "1234", "12345", "123456", "00501",
            "NY", "ny", "N", "NYC", "AB123", "AB12", "ab123", "ＡＢ", "１２３４５", "١٢٣٤٥",
            "\uD83D\uDE00", "12345\n", "12345\r\n", "NY\n", "-", "--1", "a b", "xx", "xxx",
            "x", "_", "A-12", "AB-12", "FF0A", "ab", "ba", "\u0000", "é", "a\u0301");

    @Nested
    class AgreesWithTheRegex {

        @Test
        void onValuesAtEveryEdge() {
            for (String regex : PLAIN) {
                assertAgrees(regex, EDGES);
            }
        }

        @Test
        void onRandomValuesOverAnAlphabetAroundTheClasses() {
            Random random = new Random(42);
            String alphabet = "0189AZaz_- \n\u00E9\uFF10\uD83D";
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values.add(value.toString());
            }
            for (String regex : PLAIN) {
                assertAgrees(regex, values);
            }
        }

        private static void assertAgrees(String regex, List<String> values) {
            SimplePattern simple = SimplePattern.of(regex);
            assertThat(simple).as(regex).isNotNull();
            Pattern pattern = Pattern.compile(regex);
            for (String value : values) {
                assertThat(simple.matches(value)).as(regex + " on \"" + value + "\"")
                        .isEqualTo(pattern.matcher(value).matches());
            }
        }
    }

    @Nested
    class LeavesTheRestToTheRegex {

        @Test
        void declinesEveryPatternItCannotBeSureOf() {
            List<String> declined = List.of("(?i)[a-z]{2}", "[^0-9]+", "\\w+", "a|b", "(ab)+",
                    "[a-z]*a", "[a-z]+?", "[0-9]{2,}+", "^$", "a\\$", "[a-z&&[^b]]", ".{3}",
                    "[é]", "\\p{Lu}", "[A-Z]{2}[0-9]+", "[a-z-9]", "[]a]", "^^a", "a$$",
                    "[0-9]{5", "\\D");
            for (String regex : declined) {
                assertThat(SimplePattern.of(regex)).as(regex).isNull();
            }
        }
    }
}
