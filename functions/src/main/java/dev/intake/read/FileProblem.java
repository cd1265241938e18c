package dev.intake.read;

/**
 * Why a whole file cannot be read as the job's format. Reading the same bytes again cannot help.
 */
public enum FileProblem {
    /** No bytes, no header, or a header and no rows. */
    EMPTY_FILE,
    /** Bytes that are not text in the declared encoding. */
    ENCODING,
    /** A required or key column is not in the header. */
    MISSING_COLUMN,
    /** A column named twice, so a value could belong to either. */
    AMBIGUOUS_HEADER,
    /** A column the schema does not name, with extraColumns: reject. */
    UNEXPECTED_COLUMN,
    /** Not CSV, not JSON Lines, or a broken gzip stream. */
    UNREADABLE
}
