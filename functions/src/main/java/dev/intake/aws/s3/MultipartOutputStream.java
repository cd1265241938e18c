package dev.intake.aws.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Writes an object of any size with one part buffer in memory. Bytes fill a buffer of
 * {@code partSize}; each full buffer is uploaded as a part of a multipart upload started on the
 * first full buffer. {@link #close()} completes the upload, or, if the object never filled one
 * buffer, writes it with a single PutObject (cheaper: one call instead of three). A failure aborts
 * the upload, so no invisible parts are left behind to be billed.
 */
final class MultipartOutputStream extends OutputStream {

    /** 8 MiB: above S3's 5 MiB minimum part, and one buffer of it fits a 512 MB Lambda easily. */
    static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private boolean closed;

    MultipartOutputStream(S3Client s3, String bucket, String key, String contentType, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.buffer = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        int written = 0;
        while (written < length) {
            int chunk = Math.min(length - written, buffer.length - filled);
            System.arraycopy(bytes, offset + written, buffer, filled, chunk);
            filled += chunk;
            written += chunk;
            if (filled == buffer.length) {
                uploadBufferAsPart();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                putWhole();
            } else {
                finishMultipart();
            }
        } catch (SdkException e) {
            abortQuietly(e);
            throw new IOException("could not write s3://" + bucket + "/" + key + ": "
                    + e.getMessage(), e);
        }
    }

    private void uploadBufferAsPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                        .contentType(contentType)).uploadId();
            }
            int partNumber = parts.size() + 1;
            UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key)
                            .uploadId(uploadId).partNumber(partNumber).contentLength((long) filled),
                    filledBuffer());
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build());
            filled = 0;
        } catch (SdkException e) {
            closed = true;
            abortQuietly(e);
            throw new IOException("could not upload part " + (parts.size() + 1) + " of s3://"
                    + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private void putWhole() {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                filledBuffer());
    }

    private void finishMultipart() throws IOException {
        if (filled > 0) {
            uploadBufferAsPart();
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    /** The original failure is what the caller must see; an abort failure is attached to it. */
    private void abortQuietly(Exception original) {
        if (uploadId == null) {
            return;
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            original.addSuppressed(abortFailure);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream for s3://" + bucket + "/" + key + " is closed");
        }
    }

    /** The filled part of the buffer, without copying it (the buffer is reused after the call). */
    private RequestBody filledBuffer() {
        if (filled == 0) {
            return RequestBody.empty();
        }
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled);
    }
}
