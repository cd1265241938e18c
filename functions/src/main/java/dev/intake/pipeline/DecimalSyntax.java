package dev.intake.pipeline;

import dev.intake.port.ShortDecimal;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Reads decimal numbers exactly, straight into BigDecimal (never through a double), with the
 * separators of one locale. Without a locale only "." is a decimal separator and grouping is
 * refused, so that {@code 1,234.56} and {@code 9,99} are rejected rather than guessed: a wrong
 * number imported is worse than a row to fix. With a locale, groups must be three digits, which
 * keeps {@code 9,99} from passing as nine hundred and ninety-nine under en-US. Exponents are
 * refused: they are what spreadsheets turn long numbers into, with digits lost.
 */
final class DecimalSyntax {

    private final char decimalSeparator;
    private final char groupingSeparator;
    private final boolean grouping;
    private final StringBuilder digits = new StringBuilder(32);

    DecimalSyntax(Locale locale) {
        if (locale == null) {
            decimalSeparator = '.';
            groupingSeparator = 0;
            grouping = false;
        } else {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            decimalSeparator = symbols.getDecimalSeparator();
            groupingSeparator = symbols.getGroupingSeparator();
            grouping = true;
        }
    }

    /** The example a message shows for this locale. */
    String example() {
        return grouping ? "1" + groupingSeparator + "234" + decimalSeparator + "56"
                : "1234.56";
    }

    /** The number, or null when the text is not a decimal in this locale. */
    BigDecimal parse(String text) {
        BigDecimal plain = parsePlain(text);
        return plain != null ? plain : parseExactly(text);
    }

    /**
     * The common case without building a string for BigDecimal to parse again: an optional sign,
     * digits, maybe the decimal separator and more digits, 18 digits at most so that the unscaled
     * value fits a long. {@code BigDecimal.valueOf(unscaled, scale)} is then the very number
     * {@code new BigDecimal(text)} gives (same unscaled value, same scale: trailing zeros and a
     * negative zero's scale included). Returns null for anything else, which
     * {@link #parseExactly} decides.
     */
    private BigDecimal parsePlain(String text) {
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        boolean negative = i == 1 && text.charAt(0) == '-';
        long unscaled = 0;
        int count = 0;
        int scale = -1;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                unscaled = unscaled * 10 + (c - '0');
                count++;
                scale += scale >= 0 ? 1 : 0;
            } else if (c == decimalSeparator && scale < 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        // No digit, a separator with no digit after it, or too many digits: the exact path.
        if (count == 0 || scale == 0 || count > ShortDecimal.MAX_DIGITS) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** The general reading, for any text; package-private so tests can hold the fast one to it. */
    BigDecimal parseExactly(String text) {
        digits.setLength(0);
        int i = 0;
        int length = text.length();
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            digits.append(text.charAt(i++));
        }
        i = readIntegerPart(text, i);
        if (i < 0) {
            return null;
        }
        boolean integerDigits = digits.length() > 0 && Character.isDigit(
                digits.charAt(digits.length() - 1));
        if (i < length && text.charAt(i) == decimalSeparator) {
            digits.append('.');
            int start = ++i;
            while (i < length && isDigit(text.charAt(i))) {
                digits.append(text.charAt(i++));
            }
            if (i == start) {
                return null;
            }
        } else if (!integerDigits) {
            return null;
        }
        return i == length ? new BigDecimal(digits.toString()) : null;
    }

    /** Appends the integer digits; returns the index after them, or -1 for bad grouping. */
    private int readIntegerPart(String text, int start) {
        int i = start;
        int group = 0;
        boolean grouped = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits.append(c);
                group++;
            } else if (grouping && isGroupingSeparator(c)) {
                boolean firstGroupOk = !grouped && group >= 1 && group <= 3;
                if (!(firstGroupOk || (grouped && group == 3))) {
                    return -1;
                }
                grouped = true;
                group = 0;
            } else {
                break;
            }
            i++;
        }
        return grouped && group != 3 ? -1 : i;
    }

    /** French and others group with a (narrow) no-break space; people type a plain space. */
    private boolean isGroupingSeparator(char c) {
        if (c == groupingSeparator) {
            return true;
        }
        boolean spaceGrouping = Character.isSpaceChar(groupingSeparator);
        return spaceGrouping && (c == ' ' || c == '\u00A0' || c == '\u202F');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
