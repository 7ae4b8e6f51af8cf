package io.claimtrack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL database for one test run: a random name, created at start and dropped at the end, so
 * runs never see each other's rows. The server is the machine's own (127.0.0.1:5432, trust auth).
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    static final String HOST = System.getProperty("claimtrack.test.postgres.host", "127.0.0.1:5432");
    static final String USER = System.getProperty("claimtrack.test.postgres.user", "postgres");

    private String name;

    @Override
    public Map<String, String> start() {
        name = create();
        return Map.of("quarkus.datasource.jdbc.url", url(name));
    }

    @Override
    public void stop() {
        if (name != null) {
            drop(name);
        }
    }

    /** Creates a database with a random name (for tests outside Quarkus, such as those on the packaged app). */
    public static String create() {
        String created = "claimtrack_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + created);
        return created;
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    public static void drop(String database) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Whether the server answers; the tests on PostgreSQL are skipped when it does not. */
    public static boolean answers() {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
