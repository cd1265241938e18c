package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecimalSyntaxTest {

    /** Texts on every edge of the fast reading: signs, zeros, separators, 18 and 19 digits. */
    static final List<String> EDGES = List.of("0", "-0", "+0", "-0.0", "0.000", "007.50",
            ".5", "-.5", "+.5", "5.", "-", "+", "", ".", "1.2.3", "40.922326", "-72.637078",
            "123456789012345678", "-123456789012345678", "1234567890123456789",
            "99999999999999999.9", "999999999999999999.9", "0.000000000000000001",
            "1e5", "1E-3", " 1", "1 ", "1,5", "1.234,5", "1,234.5", "1 234,5", "1\u00A0234,5",
            "--1", "+-1", "١٢", "１", "9,99", "12,345,678.9");

    @Nested
    class FastReadingAgreesWithTheExactOne {

        @Test
        void onEdgesWithoutALocaleAndUnderSeveralLocales() {
            for (Locale locale : new Locale[] {null, Locale.forLanguageTag("de-DE"),
                Locale.forLanguageTag("en-US"), Locale.forLanguageTag("fr-FR")}) {
                assertAgrees(new DecimalSyntax(locale), EDGES);
            }
        }

        @Test
        void onRandomTexts() {
            Random random = new Random(7);
            String alphabet = "0123456789.,-+ ";
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(22);
                for (int c = 0; c < length; c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                texts.add(text.toString());
            }
            assertAgrees(new DecimalSyntax(null), texts);
            assertAgrees(new DecimalSyntax(Locale.forLanguageTag("de-DE")), texts);
        }

        @Test
        void keepsTheScaleAndTheSignOfTheTextAsNewBigDecimalDoes() {
            DecimalSyntax plain = new DecimalSyntax(null);

            assertThat(plain.parse("007.50")).isEqualTo(new BigDecimal("7.50"));
            assertThat(plain.parse("-0.0").scale()).isEqualTo(1);
            assertThat(plain.parse("-0.0").toPlainString()).isEqualTo("0.0");
            assertThat(plain.parse("-.5")).isEqualTo(new BigDecimal("-0.5"));
            assertThat(plain.parse("1234567890123456789"))
                    .isEqualTo(new BigDecimal("1234567890123456789"));
        }

        private static void assertAgrees(DecimalSyntax syntax, List<String> texts) {
            for (String text : texts) {
                BigDecimal fast = syntax.parse(text);
                BigDecimal exact = syntax.parseExactly(text);
                assertThat(fast).as("\"" + text + "\"").isEqualTo(exact);
                if (exact != null) {
                    assertThat(fast.toPlainString()).isEqualTo(exact.toPlainString());
                }
            }
        }
    }
}
