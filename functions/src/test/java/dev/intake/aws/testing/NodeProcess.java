package dev.intake.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A node emulator started on a free 127.0.0.1 port, its output kept in target/emulators/. */
final class NodeProcess {

    private static final Duration START_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final URI endpoint;

    private NodeProcess(String name, Process process, URI endpoint) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts {@code node args} ({@code %PORT%} replaced) and waits until readyPath answers. */
    static NodeProcess start(String name, List<String> args, String readyPath) {
        int port = LocalEmulators.freePort();
        List<String> command = new ArrayList<>(List.of("node"));
        args.forEach(arg -> command.add(arg.replace("%PORT%", Integer.toString(port))));
        Process process = launch(name, command);
        NodeProcess started = new NodeProcess(name, process, URI.create("http://127.0.0.1:" + port));
        waitUntil(name, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see " + log(name));
            }
            return started.answers(readyPath);
        });
        return started;
    }

    URI endpoint() {
        return endpoint;
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void waitUntil(String name, BooleanSupplier ready) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready after " + START_LIMIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
        }
    }

    private boolean answers(String path) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                    .timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Process launch(String name, List<String> command) {
        try {
            Path log = log(name);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " with " + command
                    + "; is node on PATH?", e);
        }
    }

    private static Path log(String name) {
        return Path.of("target", "emulators", name + ".log");
    }

    @Override
    public String toString() {
        return name + " at " + endpoint;
    }
}
