package io.claimtrack.hardening;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.claimtrack.testing.PackagedApp;

/** Every stored status of a running app against a fresh evaluation of its thread (an as-of read of now). */
final class StoredStatuses {

    private StoredStatuses() {
    }

    /** Every claim. @return {claims checked, claims whose stored status or flags differ from a fresh evaluation} */
    static int[] checkAgainstFreshEvaluation(PackagedApp app) throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        int total = app.json("/api/claims?size=100", null).get("total").asInt();
        for (int p = 0; p * 100 < total; p++) {
            for (JsonNode item : app.json("/api/claims?size=100&page=" + p, null).get("items")) {
                ids.add(item.get("id").asLong());
            }
        }
        return checkAgainstFreshEvaluation(app, ids);
    }

    /** The claims {@code ids}, as {@link #checkAgainstFreshEvaluation(PackagedApp)}. */
    static int[] checkAgainstFreshEvaluation(PackagedApp app, Collection<Long> ids) throws IOException, InterruptedException {
        int mismatched = 0;
        String now = Instant.now().toString();
        for (long id : ids) {
            JsonNode stored = app.json("/api/claims/" + id, null);
            JsonNode fresh = app.json("/api/claims/" + id + "?asOf=" + now, null);
            if (!fresh.get("status").equals(stored.get("status")) || !fresh.get("flags").equals(stored.get("flags"))) {
                mismatched++;
            }
        }
        return new int[] {ids.size(), mismatched};
    }
}
