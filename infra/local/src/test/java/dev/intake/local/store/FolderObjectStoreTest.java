package dev.intake.local.store;

import static dev.intake.local.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.fake.MutableClock;
import dev.intake.port.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderObjectStoreTest {

    private static final String BUCKET = "intake-local";
    // MD5 of "a,b\n1,2\n"
    private static final String ETAG = "e5ebd4c02cefbe7955977c67ada242b7";

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(T0);
    private FolderObjectStore store;

    @BeforeEach
    void open() {
        store = new FolderObjectStore(root, clock);
    }

    private void put(String key, String text) {
        try (OutputStream out = store.create(BUCKET, key, "text/csv")) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String key, String version) throws IOException {
        try (InputStream in = store.open(BUCKET, key, version)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class Create {

        @Test
        void storesTheBytesUnderTheKeyAsAFile() throws IOException {
            put("incoming/zips/zips.csv", "a,b\n1,2\n");

            assertThat(root.resolve("intake-local/incoming/zips/zips.csv"))
                    .hasContent("a,b\n1,2\n");
            assertThat(read("incoming/zips/zips.csv", null)).isEqualTo("a,b\n1,2\n");
        }

        @Test
        void showsNothingBeforeTheStreamIsClosed() throws IOException {
            try (OutputStream out = store.create(BUCKET, "incoming/zips/big.csv", "text/csv")) {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                out.flush();

                assertThat(store.head(BUCKET, "incoming/zips/big.csv")).isEmpty();
                assertThat(store.list(BUCKET, "")).isEmpty();
                assertThat(root.resolve("intake-local/incoming/zips/big.csv")).doesNotExist();
            }
            assertThat(read("incoming/zips/big.csv", null)).isEqualTo("half");
        }

        @Test
        void replacesAnObjectWhollyAndLeavesNoTemporaryFile() throws IOException {
            put("k.csv", "first version, longer");
            put("k.csv", "second");

            assertThat(read("k.csv", null)).isEqualTo("second");
            try (Stream<Path> temp = Files.list(root.resolve(".tmp"))) {
                assertThat(temp).isEmpty();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"incoming/zips/with space.csv", "incoming/zips/a+b=c.csv",
                "incoming/zips/Zürich_北京_😀.csv", "incoming/zips/100%25.csv",
                "incoming/zips/#hash&amp;.csv"})
        void keepsOddKeysAsTheyAre(String key) throws IOException {
            put(key, "x");

            assertThat(read(key, null)).isEqualTo("x");
            assertThat(store.list(BUCKET, "incoming/")).extracting(ObjectInfo::key)
                    .containsExactly(key);
            assertThat(store.downloadLink(BUCKET, key, Duration.ofHours(1)))
                    .isEqualTo(root.toAbsolutePath().resolve("intake-local").resolve(key).toUri());
        }
    }

    @Nested
    class Head {

        @Test
        void givesSizeEtagVersionAndTheClockTimeOfTheWrite() {
            put("incoming/zips/zips.csv", "a,b\n1,2\n");

            assertThat(store.head(BUCKET, "incoming/zips/zips.csv")).contains(
                    new ObjectInfo(BUCKET, "incoming/zips/zips.csv", "1", ETAG, 8, T0));
        }

        @Test
        void givesTheMd5OfALargeObjectWrittenInSmallAndLargeChunksFromOneReusedBuffer()
                throws Exception {
            Random random = new Random(7);
            byte[] buffer = new byte[1 << 20];
            MessageDigest expected = MessageDigest.getInstance("MD5");
            long size = 0;
            try (OutputStream out = store.create(BUCKET, "incoming/big.bin", "text/csv")) {
                // Small, then large, then small again: the order of digesting must hold.
                for (int length : new int[] {10, 4096, 1 << 20, 300_000, 7, 1 << 20, 65_536}) {
                    random.nextBytes(buffer);
                    out.write(buffer, 0, length);
                    expected.update(buffer, 0, length);
                    size += length;
                }
                out.write('x');
                expected.update((byte) 'x');
                size++;
            }

            ObjectInfo info = store.head(BUCKET, "incoming/big.bin").orElseThrow();
            assertThat(info.etag()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
            assertThat(info.size()).isEqualTo(size);
        }

        @Test
        void givesEveryWriteTheNextVersionEvenWithTheSameBytes() {
            put("k.csv", "a,b\n1,2\n");
            clock.advance(Duration.ofSeconds(5));
            put("k.csv", "a,b\n1,2\n");

            assertThat(store.head(BUCKET, "k.csv")).contains(
                    new ObjectInfo(BUCKET, "k.csv", "2", ETAG, 8, T0.plusSeconds(5)));
        }

        @Test
        void neverReusesAVersionAfterADelete() {
            put("k.csv", "one");
            store.delete(BUCKET, "k.csv");
            put("k.csv", "two");

            assertThat(store.head(BUCKET, "k.csv").map(ObjectInfo::version)).contains("2");
        }

        @Test
        void versionsAFileDroppedIntoTheFolderAndOneChangedInPlace() throws IOException {
            Path dropped = root.resolve("intake-local/incoming/dropped.csv");
            Files.createDirectories(dropped.getParent());
            Files.writeString(dropped, "a,b\n1,2\n");
            Files.setLastModifiedTime(dropped, FileTime.from(T0));

            Optional<ObjectInfo> first = store.head(BUCKET, "incoming/dropped.csv");
            Files.writeString(dropped, "a,b\n3,4\n5,6\n");
            Files.setLastModifiedTime(dropped, FileTime.from(T0.plusSeconds(1)));
            Optional<ObjectInfo> changed = store.head(BUCKET, "incoming/dropped.csv");

            assertThat(first).contains(
                    new ObjectInfo(BUCKET, "incoming/dropped.csv", "1", ETAG, 8, T0));
            assertThat(changed.map(ObjectInfo::version)).contains("2");
            assertThat(changed.map(ObjectInfo::size)).contains(12L);
        }

        @Test
        void findsNothingForAMissingKeyOrAFolder() {
            put("incoming/zips/zips.csv", "x");

            assertThat(store.head(BUCKET, "incoming/zips/other.csv")).isEmpty();
            assertThat(store.head(BUCKET, "incoming/zips")).isEmpty();
        }
    }

    @Nested
    class Open {

        @Test
        void readsTheVersionNamedIfItIsTheLatest() throws IOException {
            put("k.csv", "one");
            put("k.csv", "two");

            assertThat(read("k.csv", "2")).isEqualTo("two");
        }

        @Test
        void refusesAVersionNoLongerKept() {
            put("k.csv", "one");
            put("k.csv", "two");

            assertThatThrownBy(() -> read("k.csv", "1"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("Object s3://intake-local/k.csv cannot be read: version 1 is not"
                            + " stored; the folder keeps only the latest version (2).");
        }

        @Test
        void refusesAMissingObject() {
            assertThatThrownBy(() -> read("missing.csv", null))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("Object s3://intake-local/missing.csv cannot be read: no such"
                            + " object.");
        }
    }

    @Nested
    class ListObjects {

        @Test
        void listsTheObjectsUnderAPrefixInUtf8KeyOrder() {
            put("incoming/zips/b.csv", "b");
            put("incoming/zips/a/z.csv", "z");
            put("incoming/zips/\uFF21.csv", "fullwidth A");
            put("incoming/zips/\uD83D\uDE00.csv", "emoji");
            put("incoming/zipsy.csv", "other prefix, same start");
            put("incoming/airports/a.csv", "airports");

            List<String> keys = store.list(BUCKET, "incoming/zips/").stream()
                    .map(ObjectInfo::key).toList();

            // UTF-8 puts the emoji (F0 ..) after U+FF21 (EF ..); UTF-16 order would not.
            assertThat(keys).containsExactly("incoming/zips/a/z.csv", "incoming/zips/b.csv",
                    "incoming/zips/\uFF21.csv", "incoming/zips/\uD83D\uDE00.csv");
        }

        @Test
        void matchesAPrefixThatEndsInsideAName() {
            put("incoming/zips/2026-01.csv", "1");
            put("incoming/zips/2026-02.csv", "2");
            put("incoming/zips/2025-12.csv", "3");

            assertThat(store.list(BUCKET, "incoming/zips/2026")).extracting(ObjectInfo::key)
                    .containsExactly("incoming/zips/2026-01.csv", "incoming/zips/2026-02.csv");
        }

        @Test
        void listsNothingOfAnUnknownBucketOrPrefix() {
            assertThat(store.list("never-used", "")).isEmpty();
            assertThat(store.list(BUCKET, "no/such/")).isEmpty();
        }
    }

    @Nested
    class Delete {

        @Test
        void removesTheObjectAndTheFoldersItLeavesEmpty() {
            put("incoming/zips/deep/k.csv", "x");
            put("incoming/keep.csv", "y");

            store.delete(BUCKET, "incoming/zips/deep/k.csv");

            assertThat(store.head(BUCKET, "incoming/zips/deep/k.csv")).isEmpty();
            assertThat(root.resolve("intake-local/incoming/zips")).doesNotExist();
            assertThat(root.resolve("intake-local/incoming/keep.csv")).exists();
        }

        @Test
        void ignoresAMissingObject() {
            store.delete(BUCKET, "missing.csv");

            assertThat(store.list(BUCKET, "")).isEmpty();
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"../escape.csv", "a/../../b.csv", "/abs.csv", "a//b.csv",
                "folder/", "./k.csv"})
        void refusesKeysThatAreNoPlainRelativePath(String key) {
            assertThatThrownBy(() -> store.create(BUCKET, key, "text/csv"))
                    .isInstanceOf(InvalidObjectKeyException.class)
                    .hasMessage("Object key '" + key + "' cannot be stored in a folder: it has an"
                            + " empty, '.' or '..' segment, a leading or trailing '/', or a NUL"
                            + " character. Rename the file.");
        }

        @Test
        void refusesAnInvalidBucketName() {
            assertThatThrownBy(() -> store.head("../etc", "k"))
                    .isInstanceOf(InvalidObjectKeyException.class)
                    .hasMessage("Bucket name '../etc' is not valid: use 3 to 63 lower-case"
                            + " letters, digits, '.' or '-', starting and ending with a letter or"
                            + " digit.");
        }

        @Test
        void refusesAKeyWhoseFolderIsAnObject() {
            put("incoming/zips", "an object where a folder is wanted");

            assertThatThrownBy(() -> put("incoming/zips/a.csv", "x"))
                    .isInstanceOf(InvalidObjectKeyException.class)
                    .hasMessageStartingWith("Object key 'incoming/zips/a.csv' clashes with an"
                            + " object whose key is a folder of it, or the other way round (");
        }
    }
}
