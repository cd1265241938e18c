package dev.intake.aws.s3;

import dev.intake.port.ObjectStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link ObjectStore} on S3. Reads stream straight from the response body; writes go through
 * {@link MultipartOutputStream}, so neither direction holds a whole object in memory.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final int partSize;

    public S3ObjectStore(S3Client s3, S3Presigner presigner) {
        this(s3, presigner, MultipartOutputStream.DEFAULT_PART_SIZE);
    }

    /** @param partSize bytes per uploaded part; S3 requires at least 5 MiB for all but the last */
    public S3ObjectStore(S3Client s3, S3Presigner presigner, int partSize) {
        this.s3 = s3;
        this.presigner = presigner;
        this.partSize = partSize;
    }

    @Override
    public InputStream open(String bucket, String key, String version) {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .versionId(version)
                .build();
        return s3.getObject(request);
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(bucket, key, head.versionId(), unquote(head.eTag()),
                    head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        return new MultipartOutputStream(s3, bucket, key, contentType, partSize);
    }

    /** Every page of ListObjectsV2; S3 returns keys in UTF-8 binary order. */
    @Override
    public List<ObjectInfo> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents()
                .stream()
                .map(object -> toInfo(bucket, object))
                .toList();
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        var presigned = presigner.presignGetObject(p -> p
                .signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        return URI.create(presigned.url().toString());
    }

    private static ObjectInfo toInfo(String bucket, S3Object object) {
        return new ObjectInfo(bucket, object.key(), null, unquote(object.eTag()), object.size(),
                object.lastModified());
    }

    /** S3 returns ETags in double quotes; the domain stores the bare value. */
    static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
