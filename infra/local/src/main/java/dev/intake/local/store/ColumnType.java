package dev.intake.local.store;

import dev.intake.job.JobDefinition.FieldType;
import dev.intake.port.ShortDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a field type is stored in a destination table and how a processed value becomes the value
 * bound to its column. Decimals are TEXT holding the exact decimal string: a REAL would turn 13.2
 * into 13.199999999999999289..., and an INTEGER-affinity column would turn "00501" into 501.
 */
enum ColumnType {
    TEXT("TEXT"),
    INTEGER("INTEGER"),
    DECIMAL("TEXT"),
    BOOLEAN("INTEGER");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }

    static ColumnType of(FieldType type) {
        return switch (type) {
            case STRING, EMAIL, ENUM, URL, DATE, TIMESTAMP -> TEXT;
            case INTEGER -> INTEGER;
            case DECIMAL -> DECIMAL;
            case BOOLEAN -> BOOLEAN;
        };
    }

    /** Thrown by {@link #convert} for a value this column cannot hold. */
    static final class Unfit extends RuntimeException {

        final String code;

        Unfit(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** The value to bind: a String, a Long, or null. Throws {@link Unfit}. */
    Object convert(String field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case TEXT -> value instanceof BigDecimal decimal ? plainText(decimal)
                    : value.toString();
            case INTEGER -> toLong(field, value);
            case DECIMAL -> toDecimalText(field, value);
            case BOOLEAN -> toFlag(field, value);
        };
    }

    private static Long toLong(String field, Object value) {
        if (value instanceof Long number) {
            return number;
        }
        try {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return big.longValueExact();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof String text) {
                return new BigDecimal(text.trim()).longValueExact();
            }
        } catch (ArithmeticException e) {
            throw new Unfit("OUT_OF_RANGE", "Field '" + field + "' value '" + value
                    + "' is not a whole number between -9223372036854775808 and"
                    + " 9223372036854775807.");
        } catch (NumberFormatException e) {
            // reported below with the other values that are no integer
        }
        throw unfit(field, value, "an integer");
    }

    private static String toDecimalText(String field, Object value) {
        if (value instanceof BigDecimal decimal) {
            return plainText(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            // Float.toString then BigDecimal keeps the digits a person wrote (13.2, not 13.19...)
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim()).toPlainString();
            } catch (NumberFormatException e) {
                throw unfit(field, value, "a decimal number");
            }
        }
        throw unfit(field, value, "a decimal number");
    }

    /**
     * The text of {@link BigDecimal#toPlainString}, written digit by digit from the unscaled long
     * of a {@link ShortDecimal}, as the decimals read from files are: toPlainString builds it through a BigInteger and a StringBuilder, which was a
     * tenth of what a large import allocated. The layout is toPlainString's: the digits with the
     * point {@code scale} places from the right, "0." and zeros in front when they do not reach
     * it.
     */
    static String plainText(BigDecimal decimal) {
        if (!ShortDecimal.isShort(decimal)) {
            return decimal.toPlainString();
        }
        int scale = decimal.scale();
        int digits = decimal.precision();
        long unscaled = ShortDecimal.unscaled(decimal);
        int sign = unscaled < 0 ? 1 : 0;
        int leadingZeros = scale == 0 ? 0 : Math.max(0, scale - digits + 1);
        byte[] text = new byte[sign + leadingZeros + digits + (scale == 0 ? 0 : 1)];
        if (sign == 1) {
            text[0] = '-';
        }
        int pointAt = scale == 0 ? -1 : text.length - scale - 1;
        long rest = Math.abs(unscaled);
        for (int at = text.length - 1; at >= sign; at--) {
            if (at == pointAt) {
                text[at] = '.';
            } else {
                text[at] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static Long toFlag(String field, Object value) {
        if (value instanceof Boolean flag) {
            return flag ? 1L : 0L;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return 1L;
        }
        if (text.equals("false")) {
            return 0L;
        }
        throw unfit(field, value, "true or false");
    }

    private static Unfit unfit(String field, Object value, String expected) {
        return new Unfit("TYPE_MISMATCH", "Field '" + field + "' value '" + value + "' is not "
                + expected + ", so it cannot be stored in the destination table.");
    }
}
