package io.claimtrack.claim;

import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ClaimResourceTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class ClaimResourceOnPostgresTest extends ClaimResourceTest {
}
