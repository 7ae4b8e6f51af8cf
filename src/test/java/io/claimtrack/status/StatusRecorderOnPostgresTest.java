package io.claimtrack.status;

import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link StatusRecorderTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class StatusRecorderOnPostgresTest extends StatusRecorderTest {
}
