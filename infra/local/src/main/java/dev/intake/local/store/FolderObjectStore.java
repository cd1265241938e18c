package dev.intake.local.store;

import dev.intake.port.ObjectStore;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder per bucket: {@code <root>/<bucket>/<key>}, the key's slashes as sub-folders, so a
 * person can drop a file in or open one. Beside the buckets, {@code .meta/<bucket>/} remembers
 * each object's version and ETag (file name: SHA-256 of the key), and {@code .tmp/} holds objects
 * being written. Versions are numbers that grow by one with every write of a key and are never
 * reused, also after a delete; the folder keeps only the latest bytes. The ETag is the MD5 of the
 * bytes in hex, as S3 gives for a single-part upload.
 *
 * <p>Shortcut: versions are assigned under this object's lock, so two processes writing the same
 * key at the same moment may get the same version. It ends when the local runtime writes through
 * one process (the {@code serve} process) or takes a file lock here.
 */
public final class FolderObjectStore implements ObjectStore {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;
    private final Clock clock;

    /** @param root the folder holding one sub-folder per bucket; created if absent */
    public FolderObjectStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath();
        this.clock = clock;
    }

    @Override
    public InputStream open(String bucket, String key, String version) {
        Path file = fileOf(bucket, key);
        if (version != null) {
            checkVersion(bucket, key, version);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw missing(bucket, key, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String bucket, String key) {
        Path file = fileOf(bucket, key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(infoOf(bucket, key, file, currentMeta(bucket, key, file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Bytes go to a file under {@code .tmp}; close moves it into place in one step. */
    @Override
    public OutputStream create(String bucket, String key, String contentType) {
        Path target = fileOf(bucket, key);
        try {
            Path temporaries = Files.createDirectories(root.resolve(".tmp"));
            Path temp = Files.createTempFile(temporaries, "put-", "");
            MessageDigest md5 = md5();
            FileOutputStream out = new FileOutputStream(temp.toFile());
            return new PendingObject(new DigestOutputStream(out, md5), out, temp, target, bucket,
                    key, md5);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start writing " + target + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ObjectInfo> list(String bucket, String prefix) {
        Path bucketFolder = bucketFolder(bucket);
        String folderOfPrefix = prefix.contains("/")
                ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        Path start = folderOfPrefix.isEmpty() ? bucketFolder : fileOf(bucket, folderOfPrefix);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = keysUnder(bucketFolder, start, prefix);
        List<ObjectInfo> objects = new ArrayList<>(keys.size());
        for (String key : keys) {
            head(bucket, key).ifPresent(objects::add);
        }
        return objects;
    }

    /** Deleting a missing object does nothing, as on S3. The version count is kept. */
    @Override
    public synchronized void delete(String bucket, String key) {
        Path file = fileOf(bucket, key);
        try {
            Files.deleteIfExists(file);
            removeEmptyFolders(file.getParent(), bucketFolder(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** A {@code file:} URI; it does not expire, so {@code validity} is not used. */
    @Override
    public URI downloadLink(String bucket, String key, Duration validity) {
        return fileOf(bucket, key).toUri();
    }

    /** Where an object's bytes are stored; the file exists only while the object does. */
    public Path fileOf(String bucket, String key) {
        checkKey(key);
        try {
            Path file = bucketFolder(bucket);
            for (String segment : key.split("/", -1)) {
                file = file.resolve(segment);
            }
            return file;
        } catch (InvalidPathException e) {
            throw new InvalidObjectKeyException("Object key '" + key + "' cannot be a file name"
                    + " here (" + e.getReason() + "); rename the file.");
        }
    }

    private Path bucketFolder(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new InvalidObjectKeyException("Bucket name '" + bucket + "' is not valid: use 3"
                    + " to 63 lower-case letters, digits, '.' or '-', starting and ending with a"
                    + " letter or digit.");
        }
        return root.resolve(bucket);
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidObjectKeyException("An object key cannot be empty.");
        }
        boolean badSegment = Arrays.stream(key.split("/", -1))
                .anyMatch(segment -> segment.isEmpty() || segment.equals(".")
                        || segment.equals(".."));
        if (badSegment || key.indexOf('\0') >= 0) {
            throw new InvalidObjectKeyException("Object key '" + key + "' cannot be stored in a"
                    + " folder: it has an empty, '.' or '..' segment, a leading or trailing '/',"
                    + " or a NUL character. Rename the file.");
        }
    }

    private void checkVersion(String bucket, String key, String version) {
        String current = head(bucket, key).map(ObjectInfo::version).orElse(null);
        if (!version.equals(current)) {
            throw missing(bucket, key, new NoSuchFileException(fileOf(bucket, key).toString(),
                    null, "version " + version + " is not stored; the folder keeps only the"
                            + " latest version (" + current + ")"));
        }
    }

    private static UncheckedIOException missing(String bucket, String key, NoSuchFileException e) {
        String why = e.getReason() == null ? "no such object" : e.getReason();
        return new UncheckedIOException("Object s3://" + bucket + "/" + key + " cannot be read: "
                + why + ".", e);
    }

    /** The stored meta if it still describes the file, else the next version for it. */
    private ObjectMeta currentMeta(String bucket, String key, Path file) throws IOException {
        Path metaFile = metaFileOf(bucket, key);
        ObjectMeta meta = ObjectMeta.read(metaFile);
        long size = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        if (meta != null && meta.describes(size, modified)) {
            return meta;
        }
        long version = meta == null ? 1 : meta.version() + 1;
        ObjectMeta changed = new ObjectMeta(version, md5Of(file), size, modified);
        changed.write(metaFile, key);
        return changed;
    }

    private ObjectInfo infoOf(String bucket, String key, Path file, ObjectMeta meta) {
        return new ObjectInfo(bucket, key, String.valueOf(meta.version()), meta.etag(),
                meta.size(), meta.lastModified());
    }

    private Path metaFileOf(String bucket, String key) {
        byte[] hash = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        return root.resolve(".meta").resolve(bucket).resolve(HexFormat.of().formatHex(hash));
    }

    private synchronized void publish(Path temp, Path target, String bucket, String key,
            String etag) throws IOException {
        try {
            Files.createDirectories(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw clash(key, e);
        }
        Instant now = clock.instant();
        Files.setLastModifiedTime(temp, FileTime.from(now));
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException e) {
            throw clash(key, e);
        }
        Path metaFile = metaFileOf(bucket, key);
        ObjectMeta previous = ObjectMeta.read(metaFile);
        long version = previous == null ? 1 : previous.version() + 1;
        Instant modified = Files.getLastModifiedTime(target).toInstant();
        new ObjectMeta(version, etag, Files.size(target), modified).write(metaFile, key);
    }

    private static InvalidObjectKeyException clash(String key, IOException cause) {
        InvalidObjectKeyException clash = new InvalidObjectKeyException("Object key '" + key
                + "' clashes with an object whose key is a folder of it, or the other way round"
                + " (" + cause.getMessage() + "); the folder store cannot hold both. Rename one.");
        clash.initCause(cause);
        return clash;
    }

    private static List<String> keysUnder(Path bucketFolder, Path start, String prefix) {
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> keyOf(bucketFolder, file))
                    .filter(key -> key.startsWith(prefix))
                    .sorted(FolderObjectStore::compareAsUtf8)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + start + ": " + e.getMessage(), e);
        }
    }

    private static String keyOf(Path bucketFolder, Path file) {
        List<String> segments = new ArrayList<>();
        bucketFolder.relativize(file).forEach(segment -> segments.add(segment.toString()));
        return String.join("/", segments);
    }

    /** S3 lists keys in the order of their UTF-8 bytes, which differs from String order. */
    private static int compareAsUtf8(String left, String right) {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8),
                right.getBytes(StandardCharsets.UTF_8));
    }

    private static void removeEmptyFolders(Path folder, Path bucketFolder) throws IOException {
        Path current = folder;
        while (current != null && current.startsWith(bucketFolder) && !current.equals(bucketFolder)
                && isEmptyFolder(current)) {
            Files.delete(current);
            current = current.getParent();
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String md5Of(Path file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                md5.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest md5() {
        return digest("MD5");
    }

    private static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks " + algorithm + ", which every Java"
                    + " runtime must provide", e);
        }
    }

    /** The stream {@link #create} returns: bytes to a temporary file, published on close. */
    private final class PendingObject extends FilterOutputStream {

        private final FileOutputStream file;
        private final Path temp;
        private final Path target;
        private final String bucket;
        private final String key;
        private final MessageDigest md5;
        private boolean closed;

        PendingObject(OutputStream out, FileOutputStream file, Path temp, Path target,
                String bucket, String key, MessageDigest md5) {
            super(out);
            this.file = file;
            this.temp = temp;
            this.target = target;
            this.bucket = bucket;
            this.key = key;
            this.md5 = md5;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                try {
                    out.flush();
                    // On disk before it is visible: a crash leaves the old object or the new one.
                    file.getFD().sync();
                } finally {
                    out.close();
                }
                publish(temp, target, bucket, key, HexFormat.of().formatHex(md5.digest()));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
