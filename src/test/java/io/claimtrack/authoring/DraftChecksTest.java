package io.claimtrack.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/** Checks of one version run at once (two analysts on one draft's page): each is stored, none fails. */
@QuarkusTest
class DraftChecksTest {

    @Inject
    DraftChecks checks;

    @BeforeEach
    void signIn() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldStoreConcurrentFirstChecksOfOneVersionOneAfterTheOther() throws Exception {
        int draft = Api.draft(Api.activeRulesetVersion(), Map.of(), "checked by three at once");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<DraftChecks.Check>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String by = "analyst " + i;
                runs.add(CompletableFuture.supplyAsync(() -> checks.check(draft, by), pool));
            }
            for (CompletableFuture<DraftChecks.Check> run : runs) {
                assertTrue(run.get(60, TimeUnit.SECONDS).validation().valid());
            }
        } finally {
            pool.shutdown();
        }
        DraftChecks.Check last = checks.lastCheck(draft).orElseThrow();
        assertEquals(draft, last.version());
        assertTrue(last.by().startsWith("analyst "), last.by());
    }
}
