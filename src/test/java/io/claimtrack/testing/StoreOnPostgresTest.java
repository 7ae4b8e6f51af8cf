package io.claimtrack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The *OnPostgresTest classes really run on PostgreSQL, in a database of the run's own. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class StoreOnPostgresTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldRunOnAPostgresDatabaseOfItsOwn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            assertTrue(connection.getCatalog().startsWith("claimtrack_test_"), connection.getCatalog());
        }
    }
}
