package io.claimtrack.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application in a JVM of its own, started as the README starts it (from the project root, so
 * it finds rules/), for the integration tests: on H2 in its data directory, or on a PostgreSQL database.
 * Requests go over real HTTP, with HTTP Basic credentials where given.
 */
public final class PackagedApp implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "packaged-admin-password";
    /** One key for every instance of a test: a sign-in on one is known to all (see the README). */
    public static final String SESSION_KEY = "integration-test-session-key-shared-by-all-instances";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which build and which database. */
    public record Store(String build, String databaseUrl) {
        public static Store h2() {
            return new Store("target/quarkus-app", null);
        }

        public static Store postgres(String databaseUrl) {
            return new Store("target/quarkus-app-postgresql", databaseUrl);
        }

        public String name() {
            return databaseUrl == null ? "H2" : "PostgreSQL";
        }
    }

    public final int port;
    public final Path dataDir;
    /** From the process's start until it first answered ready. */
    public long millisToReady;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedApp(int port, Path dataDir, Process process) {
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
    }

    /** Starts the app on a free port and waits (up to 2 minutes) until it is ready. */
    public static PackagedApp start(Store store, Path dataDir, Map<String, String> settings) throws IOException, InterruptedException {
        return start(store, dataDir, freePort(), settings);
    }

    public static PackagedApp start(Store store, Path dataDir, int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(store, dataDir, port, settings, List.of());
    }

    /** With JVM options beyond the README's (a benchmark comparing the JIT's settings). */
    public static PackagedApp start(Store store, Path dataDir, int port, Map<String, String> settings,
                                    List<String> jvmOptions) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("claimtrack.data-dir", dataDir.toString());
        all.put("quarkus.http.port", Integer.toString(port));
        all.put("claimtrack.admin.password", ADMIN_PASSWORD);
        all.put("claimtrack.demo-data.enabled", "false");
        all.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m"); // as the README's run command, with the class-data archive the package step made
        Path archive = Path.of(store.build(), "app-cds.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(jvmOptions);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", store.build() + "/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app-" + port + ".log").toFile()));
        builder.environment().put("CLAIMTRACK_SESSION_KEY", SESSION_KEY);
        if (store.databaseUrl() != null) {
            builder.environment().put("CLAIMTRACK_DB_URL", store.databaseUrl());
        }
        long started = System.nanoTime();
        PackagedApp app = new PackagedApp(port, dataDir, builder.start());
        app.awaitReady(started);
        return app;
    }

    private void awaitReady(long started) throws InterruptedException {
        long deadline = started + Duration.ofMinutes(10).toNanos(); // a restart on a million claims repairs first
        while (System.nanoTime() < deadline) {
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    millisToReady = (System.nanoTime() - started) / 1_000_000;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the application did not start; see " + log());
            }
            Thread.sleep(10); // short: the benchmarks measure the time to the first answer
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application was not ready within 10 minutes; see " + log());
    }

    /** Stops it the way an operator would (SIGTERM) and waits for it to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Resident set size of the process, in MB (Linux). */
    public long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    public Path log() {
        return dataDir.resolve("app-" + port + ".log");
    }

    public String base() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, no lease given back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        return http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String credentials, Object body) throws IOException, InterruptedException {
        return send(path, credentials, "application/json", JSON.writeValueAsString(body));
    }

    public HttpResponse<String> send(String path, String credentials, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(request(path, credentials).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET as JSON, failing unless it answers 200. */
    public JsonNode json(String path, String credentials) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, credentials);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST as JSON, failing unless it answers {@code expected}. */
    public JsonNode created(String path, String credentials, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, credentials, body);
        if (response.statusCode() != expected) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public HttpRequest.Builder request(String path, String credentials) {
        // Long: a benchmark's activation re-evaluates a million claims before it answers.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(30));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public static String admin() {
        return "admin:" + ADMIN_PASSWORD;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
