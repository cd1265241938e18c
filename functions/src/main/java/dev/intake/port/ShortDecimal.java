package dev.intake.port;

import java.math.BigDecimal;

/**
 * Decimals of at most 18 digits with a scale of 0 to 18: every decimal the validate step reads
 * from a number written with up to 18 digits. Their unscaled value fits a long, so the staging
 * format, the range checks and the stores handle them as a long and a scale, without the
 * BigInteger that BigDecimal builds for its general methods.
 */
public final class ShortDecimal {

    /** The digits a long holds whatever they are: 10^18 - 1 is below 2^63. */
    public static final int MAX_DIGITS = 18;

    private ShortDecimal() {}

    public static boolean isShort(BigDecimal decimal) {
        int scale = decimal.scale();
        return scale >= 0 && scale <= MAX_DIGITS && decimal.precision() <= MAX_DIGITS;
    }

    /**
     * The unscaled value of a short decimal. movePointRight keeps a short decimal's long, where
     * unscaledValue would build a BigInteger.
     */
    public static long unscaled(BigDecimal decimal) {
        int scale = decimal.scale();
        return scale == 0 ? decimal.longValue() : decimal.movePointRight(scale).longValue();
    }
}
