package dev.intake.local.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds everything the local runtime keeps: {@code buckets/} (the S3 stand-in),
 * {@code outbox/} (sent emails), {@code intake.db} (the SQLite database) and
 * {@code refused-recipients.txt} (optional). The CLI chooses the folder (its {@code --state-dir}
 * option or the INTAKE_HOME variable); everything below takes it from here.
 */
public final class StateDirectory {

    /** Used when nothing else is given: {@code .intake} in the working directory. */
    public static final Path DEFAULT = Path.of(".intake");

    private final Path root;

    private StateDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The state directory at {@code root}, its sub-folders created if absent. */
    public static StateDirectory at(Path root) {
        StateDirectory directory = new StateDirectory(root);
        directory.createFolders();
        return directory;
    }

    /** {@code root} if given, else {@link #DEFAULT}. */
    public static StateDirectory resolve(Path root) {
        return at(root == null ? DEFAULT : root);
    }

    public Path root() {
        return root;
    }

    public Path buckets() {
        return root.resolve("buckets");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path database() {
        return root.resolve("intake.db");
    }

    public Path refusedRecipients() {
        return root.resolve("refused-recipients.txt");
    }

    private void createFolders() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new LocalStoreException("The state directory " + root + " is a file, not a"
                    + " folder. Choose a folder with --state-dir or INTAKE_HOME.", null);
        }
        try {
            Files.createDirectories(buckets());
            Files.createDirectories(outbox());
        } catch (IOException e) {
            throw new LocalStoreException("Cannot create the state directory " + root + ": "
                    + e.getMessage() + ". Choose a writable folder with --state-dir.", e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
