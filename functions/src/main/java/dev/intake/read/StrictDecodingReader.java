package dev.intake.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Decodes bytes in the declared encoding and refuses any byte that is not text in it, instead of
 * replacing it (the JDK readers' default) and importing mojibake. Counts lines (LF, CRLF or a bare
 * CR) and bytes so that the refusal says where the bad byte is. Skips a byte order mark.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String fileKey;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private long bytesRead;
    private long line = 1;
    private boolean afterCr;
    private boolean endOfInput;
    private boolean flushed;
    private boolean started;
    private char lastContent;

    StrictDecodingReader(InputStream in, Charset charset, String fileKey) {
        this.in = in;
        this.fileKey = fileKey;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset && !flushed) {
            decodeInto(out, offset);
        }
        int produced = out.position() - offset;
        int start = skipByteOrderMark(target, offset, produced);
        countLines(target, start, offset + produced);
        if (start > offset) {
            System.arraycopy(target, start, target, offset, produced - 1);
            produced--;
        }
        if (produced == 0) {
            // Only a byte order mark was decoded: read on rather than return 0 chars.
            return flushed ? -1 : read(target, offset, length);
        }
        return produced;
    }

    private void decodeInto(CharBuffer out, int offset) throws IOException {
        if (!bytes.hasRemaining() && !endOfInput) {
            fill();
        }
        CoderResult result = decoder.decode(bytes, out, endOfInput);
        if (result.isError()) {
            countLines(out.array(), offset, out.position());
            throw refusal(result.length());
        }
        if (result.isUnderflow() && endOfInput) {
            CoderResult flush = decoder.flush(out);
            flushed = !flush.isOverflow();
        } else if (result.isUnderflow()) {
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (count < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + count);
            bytesRead += count;
        }
        bytes.flip();
    }

    private int skipByteOrderMark(char[] chars, int offset, int produced) {
        if (started || produced == 0) {
            return offset;
        }
        started = true;
        return chars[offset] == '\uFEFF' ? offset + 1 : offset;
    }

    /**
     * Counts LF, CR and CRLF as one line break each, and keeps the last character that is not a
     * line break. That one is found from the end of the chunk rather than stored for every
     * character: this loop runs over every character of the file.
     */
    private void countLines(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\r') {
                line++;
            } else if (c == '\n' && !(i > from ? chars[i - 1] == '\r' : afterCr)) {
                line++;
            }
        }
        if (to > from) {
            afterCr = chars[to - 1] == '\r';
            int last = to - 1;
            while (last >= from && (chars[last] == '\n' || chars[last] == '\r')) {
                last--;
            }
            lastContent = last >= from ? chars[last] : lastContent;
        }
    }

    /** The last character read that is not a line break, or 0 before any. */
    char lastContent() {
        return lastContent;
    }

    private FileRejectedException refusal(int badLength) {
        long offset = bytesRead - bytes.remaining();
        byte[] bad = new byte[badLength];
        bytes.get(bytes.position(), bad);
        return new FileRejectedException(FileProblem.ENCODING, fileKey, line,
                "byte " + (offset + 1) + " (0x" + HexFormat.of().withUpperCase().formatHex(bad)
                        + ") is not valid " + decoder.charset().name() + "; save the file as "
                        + decoder.charset().name() + ", or declare its encoding in "
                        + "format.encoding (for example windows-1252)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
