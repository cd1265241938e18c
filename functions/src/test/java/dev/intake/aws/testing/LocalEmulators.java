package dev.intake.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.aws.AwsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * s3proxy in this JVM, dynalite and aws-ses-v2-local as node processes, all on 127.0.0.1 and free
 * ports. node comes from PATH; the packages from {@code intake.node.dir}/node_modules.
 */
final class LocalEmulators implements AwsServicesExtension.Backend {

    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";
    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Proxy s3;
    private final NodeProcess dynalite;
    private final NodeProcess ses;
    private final Thread shutdownHook;

    private LocalEmulators(S3Proxy s3, NodeProcess dynalite, NodeProcess ses) {
        this.s3 = s3;
        this.dynalite = dynalite;
        this.ses = ses;
        this.shutdownHook = new Thread(this::stopProcesses, "stop-aws-emulators");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static LocalEmulators start() {
        Path modules = nodeModules();
        S3Proxy s3 = startS3Proxy();
        NodeProcess dynalite = NodeProcess.start("dynalite", List.of(
                modules.resolve("dynalite/cli.js").toString(),
                "--host", HOST, "--port", "%PORT%",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"), "/");
        NodeProcess ses = NodeProcess.start("aws-ses-v2-local", List.of(
                modules.resolve("aws-ses-v2-local/dist/cli.js").toString(),
                "--host", HOST, "--port", "%PORT%"), "/health-check");
        return new LocalEmulators(s3, dynalite, ses);
    }

    @Override
    public String name() {
        return "emulators";
    }

    @Override
    public AwsConfig config(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.put("AWS_REGION", "us-east-1");
        all.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        all.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        all.put(AwsConfig.ENDPOINT_PREFIX + "S3", "http://" + HOST + ":" + s3.getPort());
        all.put(AwsConfig.ENDPOINT_PREFIX + "DYNAMODB", dynalite.endpoint().toString());
        all.put(AwsConfig.ENDPOINT_PREFIX + "SES", ses.endpoint().toString());
        return AwsConfig.from(all);
    }

    /** aws-ses-v2-local accepts any sender. */
    @Override
    public void allowSender(String address) {}

    /** aws-ses-v2-local keeps every email it accepted; GET /store lists them. */
    @Override
    public List<SentMail> sentMail() {
        JsonNode store = getJson(ses.endpoint().resolve("/store"));
        List<SentMail> mails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(address -> to.add(address.asText()));
            mails.add(new SentMail(email.path("from").asText(), to,
                    email.path("subject").asText(), email.path("body").path("text").asText(),
                    email.path("body").path("html").asText()));
        }
        return mails;
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            s3.stop();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting; the hook does the rest.
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }

    private void stopProcesses() {
        dynalite.stop();
        ses.stop();
    }

    private static Path nodeModules() {
        String dir = System.getProperty("intake.node.dir");
        if (dir == null) {
            throw new IllegalStateException("system property intake.node.dir is not set; run the "
                    + "tests through Maven (the parent pom sets it to infra/node)");
        }
        Path modules = Path.of(dir, "node_modules");
        if (!Files.isDirectory(modules.resolve("dynalite"))
                || !Files.isDirectory(modules.resolve("aws-ses-v2-local"))) {
            throw new IllegalStateException(modules + " has no dynalite or aws-ses-v2-local; "
                    + "run bash infra/node/install.sh (mvn verify from the root does it)");
        }
        return modules;
    }

    private static S3Proxy startS3Proxy() {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://" + HOST + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            NodeProcess.waitUntil("s3proxy", () -> "STARTED".equals(proxy.getState()));
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    static JsonNode getJson(URI uri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + uri, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
