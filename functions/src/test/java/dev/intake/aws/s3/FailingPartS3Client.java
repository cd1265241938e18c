package dev.intake.aws.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** The real client (against s3proxy), except that one part number fails as S3 would with a 500. */
final class FailingPartS3Client implements S3Client {

    private final S3Client real;
    private final int failingPart;
    private final List<String> aborted = new ArrayList<>();

    FailingPartS3Client(S3Client real, int failingPart) {
        this.real = real;
        this.failingPart = failingPart;
    }

    /** Upload ids of the uploads aborted through this client. */
    List<String> aborted() {
        return List.copyOf(aborted);
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(
            CreateMultipartUploadRequest request) {
        return real.createMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        if (request.partNumber() == failingPart) {
            throw (S3Exception) S3Exception.builder().statusCode(500)
                    .message("We encountered an internal error. Please try again.").build();
        }
        return real.uploadPart(request, body);
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        aborted.add(request.uploadId());
        return real.abortMultipartUpload(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {}
}
