package io.claimtrack.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.claimtrack.testing.PackagedApp;

/**
 * The packaged app (as the README starts it) in a process of its own, on a data directory of the benchmark's,
 * with a user for the benchmark's writes and no rate limit in the way.
 */
final class RunningApp implements AutoCloseable {

    static final String USER = "bench";
    static final String PASSWORD = "bench password, long enough";
    private static final String CREDENTIALS = USER + ":" + PASSWORD;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final long millisToFirstAnswer;
    private final PackagedApp app;

    private RunningApp(PackagedApp app) {
        this.app = app;
        this.millisToFirstAnswer = app.millisToReady;
    }

    static RunningApp start(Path dataDir, int port) throws IOException, InterruptedException {
        return start(PackagedApp.Store.h2(), dataDir, port);
    }

    /** Starts the app and waits for its first answer (ready); the benchmark user is created unless it exists. */
    static RunningApp start(PackagedApp.Store store, Path dataDir, int port) throws IOException, InterruptedException {
        return start(store, dataDir, port, List.of());
    }

    static RunningApp start(PackagedApp.Store store, Path dataDir, int port, List<String> jvmOptions)
            throws IOException, InterruptedException {
        PackagedApp app = PackagedApp.start(store, dataDir.toAbsolutePath(), port,
                Map.of("claimtrack.rate-limit.writes-per-minute", "1000000000"), jvmOptions);
        HttpResponse<String> user = app.post("/api/users", PackagedApp.admin(),
                Map.of("username", USER, "password", PASSWORD, "roles", List.of("SUBMITTER", "ANALYST")));
        if (user.statusCode() != 201 && user.statusCode() != 409) {
            app.close();
            throw new IllegalStateException("could not create the benchmark user: " + user.statusCode() + " " + user.body());
        }
        return new RunningApp(app);
    }

    long rssMb() throws IOException {
        return app.rssMb();
    }

    HttpRequest.Builder request(String path) {
        return app.request(path, CREDENTIALS);
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

    @Override
    public void close() throws InterruptedException {
        app.stop();
    }
}
