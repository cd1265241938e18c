package dev.intake.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.aws.AwsClients;
import dev.intake.aws.AwsErrorNames;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.TestAws;
import dev.intake.port.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

@ExtendWith(AwsServicesExtension.class)
class S3ObjectStoreTest {

    private static final String BUCKET = "intake-objects";
    private static final int MIB = 1024 * 1024;

    private static AwsClients clients;
    private static S3ObjectStore store;

    @BeforeAll
    static void createBucket(TestAws aws) {
        clients = aws.clients(Map.of());
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        store = new S3ObjectStore(clients.s3(), clients.s3Presigner());
    }

    @AfterAll
    static void closeClients() {
        clients.s3().close();
        clients.s3Presigner().close();
    }

    @Nested
    class Reading {

        @Test
        void opens_the_bytes_that_were_put() throws IOException {
            put("read/utf8.csv", "name\nBénévole\n");

            try (InputStream in = store.open(BUCKET, "read/utf8.csv", null)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("name\nBénévole\n");
            }
        }

        @Test
        void a_missing_key_fails_with_the_s3_error_name() {
            assertThatThrownBy(() -> store.open(BUCKET, "read/missing.csv", null))
                    .isInstanceOf(NoSuchKeyException.class)
                    .satisfies(e -> assertThat(AwsErrorNames.of(e))
                            .isEqualTo("S3.NoSuchKeyException"));
        }

        @Test
        void head_gives_size_and_bare_etag_or_nothing() {
            put("read/head.csv", "a,b\n");

            ObjectInfo info = store.head(BUCKET, "read/head.csv").orElseThrow();

            assertThat(info.size()).isEqualTo(4);
            assertThat(info.etag()).isEqualTo(md5Hex("a,b\n"));
            assertThat(store.head(BUCKET, "read/nothing.csv")).isEmpty();
        }
    }

    @Nested
    class Writing {

        @Test
        void a_small_object_is_written_on_close() throws IOException {
            try (OutputStream out = store.create(BUCKET, "write/small.csv", "text/csv")) {
                out.write("id\n1\n".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(read("write/small.csv")).isEqualTo("id\n1\n");
            assertThat(clients.s3().headObject(b -> b.bucket(BUCKET).key("write/small.csv"))
                    .contentType()).isEqualTo("text/csv");
        }

        @Test
        void nothing_is_visible_before_close() throws IOException {
            OutputStream out = store.create(BUCKET, "write/pending.csv", "text/csv");
            out.write(new byte[9 * MIB]);

            assertThat(store.head(BUCKET, "write/pending.csv")).isEmpty();

            out.close();
            assertThat(store.head(BUCKET, "write/pending.csv").orElseThrow().size())
                    .isEqualTo(9L * MIB);
        }

        /** R4: a 20 MiB file goes up in three 8 MiB parts and reads back identical. */
        @Test
        void a_20_mib_object_goes_up_as_a_multipart_upload_and_reads_back_identical()
                throws IOException {
            byte[] chunk = new byte[64 * 1024];
            Random random = new Random(20);
            MessageDigest written = sha256();
            try (OutputStream out = store.create(BUCKET, "write/big.csv", "text/csv")) {
                for (int i = 0; i < 20 * MIB / chunk.length; i++) {
                    random.nextBytes(chunk);
                    written.update(chunk);
                    out.write(chunk);
                }
            }

            MessageDigest read = sha256();
            try (InputStream in = new DigestInputStream(
                    store.open(BUCKET, "write/big.csv", null), read)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(HexFormat.of().formatHex(read.digest()))
                    .isEqualTo(HexFormat.of().formatHex(written.digest()));
            assertThat(store.head(BUCKET, "write/big.csv").orElseThrow().etag())
                    .as("a multipart ETag ends with the part count")
                    .endsWith("-3");
        }

        /** A failed part aborts the upload: no invisible parts are left to be billed. */
        @Test
        void a_failed_part_aborts_the_upload_and_names_the_part() throws IOException {
            var failing = new FailingPartS3Client(clients.s3(), 2);
            var failingStore = new S3ObjectStore(failing, clients.s3Presigner());
            OutputStream out = failingStore.create(BUCKET, "write/aborted.csv", "text/csv");
            out.write(new byte[8 * MIB]);

            assertThatThrownBy(() -> out.write(new byte[8 * MIB]))
                    .isInstanceOf(IOException.class)
                    .hasMessage("could not upload part 2 of s3://intake-objects/write/aborted.csv:"
                            + " We encountered an internal error. Please try again.");
            assertThat(failing.aborted()).hasSize(1);
            assertThat(clients.s3().listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                    .isEmpty();
            assertThat(store.head(BUCKET, "write/aborted.csv")).isEmpty();
        }

        @Test
        void a_closed_stream_refuses_more_bytes() throws IOException {
            OutputStream out = store.create(BUCKET, "write/closed.csv", "text/csv");
            out.close();

            assertThatThrownBy(() -> out.write(1))
                    .isInstanceOf(IOException.class)
                    .hasMessage("stream for s3://intake-objects/write/closed.csv is closed");
        }
    }

    @Nested
    class Listing {

        @Test
        void lists_the_keys_under_a_prefix_in_key_order() {
            put("list/b.csv", "b");
            put("list/a.csv", "a");
            put("list/sub/c.csv", "c");
            put("listing-elsewhere.csv", "x");

            assertThat(store.list(BUCKET, "list/"))
                    .extracting(ObjectInfo::key, ObjectInfo::size)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("list/a.csv", 1L),
                            org.assertj.core.groups.Tuple.tuple("list/b.csv", 1L),
                            org.assertj.core.groups.Tuple.tuple("list/sub/c.csv", 1L));
        }

        @Test
        void delete_removes_the_object() {
            put("delete/me.csv", "x");

            store.delete(BUCKET, "delete/me.csv");

            assertThat(store.head(BUCKET, "delete/me.csv")).isEmpty();
        }
    }

    @Nested
    class DownloadLinks {

        @Test
        void a_presigned_link_downloads_the_object_without_credentials() throws IOException {
            put("links/failed records.csv", "line,error\n3,bad\n");

            URI link = store.downloadLink(BUCKET, "links/failed records.csv",
                    Duration.ofMinutes(15));

            HttpURLConnection connection = (HttpURLConnection) link.toURL().openConnection();
            assertThat(connection.getResponseCode()).isEqualTo(200);
            try (InputStream in = connection.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("line,error\n3,bad\n");
            }
        }

        @Test
        void a_tampered_link_is_refused() throws IOException {
            put("links/secret.csv", "x");
            URI link = store.downloadLink(BUCKET, "links/secret.csv", Duration.ofMinutes(15));
            URI tampered = URI.create(link.toString().replace("secret.csv", "secreT.csv"));

            HttpURLConnection connection = (HttpURLConnection) tampered.toURL().openConnection();

            assertThat(connection.getResponseCode()).isEqualTo(403);
        }
    }

    private static void put(String key, String content) {
        clients.s3().putObject(b -> b.bucket(BUCKET).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(content));
    }

    private static String read(String key) throws IOException {
        try (InputStream in = store.open(BUCKET, key, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
