package io.claimtrack.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application built for PostgreSQL (as {@code -Dquarkus.profile=postgresql} builds it), on a database
 * of its own that {@link PostgresDatabase} creates for the run and drops after it. Test classes use it
 * through a subclass of an H2 test class, so the same tests hold on both stores.
 */
public class OnPostgres implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.username", PostgresDatabase.USER,
                "quarkus.datasource.password", "",
                "quarkus.flyway.locations", "db/migration,db/postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresDatabase.class));
    }
}
