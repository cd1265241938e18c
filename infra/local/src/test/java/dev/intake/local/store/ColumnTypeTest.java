package dev.intake.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void writes_a_decimal_as_toPlainString_does_whatever_its_digits_sign_and_scale() {
        List<String> decimals = List.of("0", "0.0", "-0.00", "0.05", "-72.637078", "40.922326",
                "7.50", "123456789012345678", "-12345678901234567.8", "0.123456789012345678",
                "0.000000000000000001", "-0.000000000000000001", "1234567890123456789",
                "0.0000000000000000001", "1E+3", "-4.5E+7", "1E-20", "99999999999999999999.5",
                "-999999999999999999", "999999999999999999", "-0.000120", "100", "-1");

        for (String text : decimals) {
            BigDecimal decimal = new BigDecimal(text);

            assertThat(ColumnType.plainText(decimal)).as(text).isEqualTo(decimal.toPlainString());
        }
    }

    @Test
    void agrees_with_toPlainString_on_random_unscaled_values_and_scales_around_the_fast_range() {
        Random random = new Random(20261204);

        for (int i = 0; i < 200_000; i++) {
            // 1 to 20 digits, so that both sides of the 18-digit limit are crossed.
            BigInteger unscaled = new BigInteger(random.nextInt(66) + 1, random)
                    .mod(BigInteger.TEN.pow(random.nextInt(20) + 1));
            BigInteger signed = random.nextBoolean() ? unscaled : unscaled.negate();
            BigDecimal decimal = new BigDecimal(signed, random.nextInt(24) - 2);

            assertThat(ColumnType.plainText(decimal)).as(decimal.toString())
                    .isEqualTo(decimal.toPlainString());
        }
    }

    @Test
    void binds_a_decimal_in_a_text_column_as_its_plain_text() {
        assertThat(ColumnType.TEXT.convert("price", new BigDecimal("1.20E+2")))
                .isEqualTo("120");
        assertThat(ColumnType.DECIMAL.convert("price", new BigDecimal("-0.050")))
                .isEqualTo("-0.050");
    }
}
