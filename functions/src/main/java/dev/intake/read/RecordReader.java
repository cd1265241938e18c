package dev.intake.read;

import dev.intake.job.JobDefinition;
import dev.intake.job.JobDefinition.Format;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of one file as {@link SourceRow}s, one at a time, so that memory does not
 * depend on the file's size. CSV (RFC 4180, any line ending, a byte order mark, Excel's
 * {@code sep=} hint) or JSON Lines, gzip-compressed or not (found by the magic bytes 1F 8B, not by
 * name or Content-Encoding), decoded strictly in the declared encoding.
 *
 * <p>Problems with the whole file throw {@link FileRejectedException}; problems with one row are
 * carried by the row ({@link SourceRow#problem()}) and reading goes on.
 */
public final class RecordReader implements Closeable {

    private RowSource rows;
    private final ColumnMap columns;
    private final String fileKey;
    private long rowsRead;

    private RecordReader(RowSource rows, String fileKey) {
        this.rows = rows;
        this.columns = rows.columns();
        this.fileKey = fileKey;
    }

    /**
     * Opens a file for reading and reads its header. Throws {@link FileRejectedException} when the
     * file is empty or its header does not fit the job's schema.
     *
     * @param fileKey the object key, named in every message
     */
    public static RecordReader open(InputStream bytes, JobDefinition job, String fileKey) {
        Format format = job.format();
        InputStream content = decompressed(bytes, fileKey);
        StrictDecodingReader chars = new StrictDecodingReader(content,
                Charset.forName(format.encoding()), fileKey);
        RowSource rows = format.type().equals("jsonl")
                ? new JsonLinesRows(chars, job.schema(), fileKey)
                : CsvRows.open(chars, format, job.schema(), fileKey);
        return new RecordReader(rows, fileKey);
    }

    public ColumnMap columns() {
        return columns;
    }

    /**
     * From now on reads the rows on a thread of its own, a few batches ahead of {@link #next},
     * which returns and throws exactly what it would otherwise. For a caller that reads the whole
     * file and has a second core to spare; {@link #close} stops the thread.
     */
    public RecordReader readingAhead() {
        if (!(rows instanceof ReadAheadRows)) {
            rows = new ReadAheadRows(rows, fileKey);
        }
        return this;
    }

    /**
     * The next record, or null after the last one. Throws {@link FileRejectedException} for a
     * problem that makes the rest of the file unreadable, and when the file has no record at all.
     */
    public SourceRow next() {
        SourceRow row = rows.next();
        if (row == null && rowsRead == 0) {
            throw new FileRejectedException(FileProblem.EMPTY_FILE, fileKey, 0,
                    "the file has no records; upload a file with at least one row");
        }
        if (row != null) {
            rowsRead++;
        }
        return row;
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileKey, e);
        }
    }

    private static InputStream decompressed(InputStream raw, String fileKey) {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first < 0) {
                throw new FileRejectedException(FileProblem.EMPTY_FILE, fileKey, 0,
                        "the file is empty (0 bytes); upload a file with a header and rows");
            }
            boolean gzip = first == 0x1F && second == 0x8B;
            return gzip ? new GzipGuard(new GZIPInputStream(in, 64 * 1024), fileKey) : in;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileKey, e);
        }
    }

    /** The rows of one file format, after its header. */
    interface RowSource extends Closeable {

        ColumnMap columns();

        /** The next row, or null at the end. */
        SourceRow next();
    }

    /**
     * Turns a broken gzip stream into a file rejection: retrying the same bytes cannot help,
     * unlike an I/O failure of the store, which stays an {@link IOException}.
     */
    private static final class GzipGuard extends java.io.FilterInputStream {

        private final String fileKey;

        GzipGuard(InputStream in, String fileKey) {
            super(in);
            this.fileKey = fileKey;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new FileRejectedException(FileProblem.UNREADABLE, fileKey, 0,
                        "the gzip data is damaged or cut short (" + e.getMessage()
                                + "); compress the file again and upload it", e);
            }
        }
    }
}
