package io.claimtrack.dashboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.claimtrack.testing.Await;
import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link LiveStatusTest} on PostgreSQL, and a change recorded by another instance on the same database
 * (its NOTIFY, sent here from a connection of the test's own) reaching a page open on this one.
 */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class LiveStatusOnPostgresTest extends LiveStatusTest {

    @Test
    void shouldStreamAChangeMadeThroughAnotherInstance() throws SQLException {
        long elsewhere = 900_000_000L + System.nanoTime() % 1_000_000;
        String change = "{\"claimId\":" + elsewhere + ",\"status\":\"CONTESTED\",\"previousStatus\":\"UNVERIFIED\","
                + "\"flags\":[],\"rule\":\"Contested\",\"explanation\":\"disputed elsewhere\",\"cause\":\"submission\"}";
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection other = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement notify = other.prepareStatement("select pg_notify('claimtrack_status_changed', ?)")) {
            notify.setString(1, change);
            // As above: sent until the stream, subscribed a moment after its headers, shows it.
            Await.until("another instance's change on the stream", Duration.ofSeconds(30), () -> {
                try {
                    notify.executeQuery().close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return seen(line -> claimIdIn(line) == elsewhere, Duration.ofSeconds(1));
            });
        }
    }
}
