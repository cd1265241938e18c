package dev.intake.run;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where every row read went. Once a run is final, read = imported + failed + duplicates: each row
 * is imported, in the failed records, or superseded by a later row with the same key.
 */
public record RunCounts(long read, long valid, long imported, long failed, long duplicates) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);

    /** Failed rows as a percentage of rows read, two decimals, half up; 0 for an empty read. */
    public BigDecimal failedPercent() {
        if (read == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(failed * 100L)
                .divide(BigDecimal.valueOf(read), 2, RoundingMode.HALF_UP);
    }
}
