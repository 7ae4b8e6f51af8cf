package io.claimtrack.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.Await;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The live stream a dashboard opens (GET /events): committed status changes arrive as they happen. */
@QuarkusTest
class LiveStatusTest {

    @TestHTTPResource("/events")
    URI events;

    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    @BeforeEach
    void openTheStream() {
        TestUsers.signInAsDesk();
        stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> CompletableFuture.runAsync(() -> response.body().forEach(received::add)));
    }

    @AfterEach
    void closeTheStream() {
        stream.thenAccept(response -> response.body().close());
        stream.cancel(true);
    }

    @Test
    void shouldStreamACommittedStatusChangeToAnOpenPage() {
        String claimant = Api.ensureActor(Api.unique("Live"));
        // The stream is subscribed a moment after its headers: a claim submitted before then is not shown, so
        // claims are submitted until one of them is (each one is new, so each is a status change).
        StringBuilder submitted = new StringBuilder();
        Await.until("a submitted claim's status on the stream", Duration.ofSeconds(30), () -> {
            long id = Api.submit(Api.claim(claimant, "live " + System.nanoTime(), Instant.now().minusSeconds(60).toString()));
            submitted.append(id).append(' ');
            return seen(line -> submitted.toString().contains(claimIdIn(line) + " "), Duration.ofSeconds(1));
        });
    }

    /** Whether a line {@code wanted} accepts arrives within {@code wait}. */
    boolean seen(Predicate<String> wanted, Duration wait) {
        try {
            Await.until("a line on the stream", wait, () -> received.stream().anyMatch(wanted));
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    /** The claim id of a data line, or -1. */
    static long claimIdIn(String line) {
        int at = line.indexOf("\"claimId\":");
        if (!line.startsWith("data:") || at < 0) {
            return -1;
        }
        int start = at + "\"claimId\":".length();
        int end = start;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(line.substring(start, end));
    }
}
