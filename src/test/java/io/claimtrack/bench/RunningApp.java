package io.claimtrack.bench;

import java.io.IOException;
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
import java.util.List;

/**
 * The packaged app (target/quarkus-app, as the README starts it) in a process of its own, on a data
 * directory of the benchmark's, with a user for the benchmark's writes.
 */
final class RunningApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String USER = "bench";
    static final String PASSWORD = "bench password, long enough";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final long millisToFirstAnswer;
    private final Process process;
    private final String auth;

    private RunningApp(Process process, String base, long millisToFirstAnswer, String auth) {
        this.process = process;
        this.base = base;
        this.millisToFirstAnswer = millisToFirstAnswer;
        this.auth = auth;
    }

    /** Starts the app and waits for its first answered request (GET /api/stats → 200). */
    static RunningApp start(Path dataDir, int port) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the app first: ./mvnw package -DskipTests");
        }
        // The JVM options of the README's run command, then the benchmark's own settings.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dclaimtrack.data-dir=" + dataDir.toAbsolutePath(), "-Dquarkus.http.port=" + port,
                "-Dclaimtrack.admin.password=" + ADMIN_PASSWORD, "-Dclaimtrack.demo-data.enabled=false",
                "-Dclaimtrack.rate-limit.writes-per-minute=1000000000", "-jar", jar.toString()));
        Path log = dataDir.resolve("app.log");
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String base = "http://localhost:" + port;
        HttpClient probe = HttpClient.newHttpClient();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited; see " + log);
            }
            try {
                int status = probe.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the app did not answer within 10 minutes; see " + log);
            }
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        RunningApp app = new RunningApp(process, base, millis, "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> user = app.http.send(HttpRequest.newBuilder(URI.create(base + "/api/users"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                        + "\",\"roles\":[\"SUBMITTER\",\"ANALYST\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        if (user.statusCode() != 201 && user.statusCode() != 409) {
            throw new IllegalStateException("could not create the benchmark user: " + user.statusCode() + " " + user.body());
        }
        return app;
    }

    /** Resident set size of the app's process, in MB (Linux). */
    long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30)).header("Authorization", auth);
    }

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops it the way an operator would (SIGTERM) and waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
