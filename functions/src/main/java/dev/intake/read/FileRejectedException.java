package dev.intake.read;

import dev.intake.run.FailureReason;

/**
 * A file that cannot be read as the job's format: empty, undecodable, missing a column, with an
 * ambiguous header. The message names the file, the line (and byte where it helps) and the fix.
 */
public class FileRejectedException extends RuntimeException {

    private final FileProblem problem;
    private final String fileKey;
    private final long line;

    public FileRejectedException(FileProblem problem, String fileKey, long line, String message) {
        this(problem, fileKey, line, message, null);
    }

    public FileRejectedException(FileProblem problem, String fileKey, long line, String message,
            Throwable cause) {
        super(where(fileKey, line) + message, cause);
        this.problem = problem;
        this.fileKey = fileKey;
        this.line = line;
    }

    public FileProblem problem() {
        return problem;
    }

    public String fileKey() {
        return fileKey;
    }

    /** The line the problem is on, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    /** The reason a run records: the problem's name as code, this message as message. */
    public FailureReason reason() {
        return new FailureReason(problem.name(), getMessage());
    }

    private static String where(String fileKey, long line) {
        return "file " + fileKey + (line > 0 ? ", line " + line : "") + ": ";
    }
}
