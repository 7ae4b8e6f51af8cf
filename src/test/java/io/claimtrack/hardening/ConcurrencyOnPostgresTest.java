package io.claimtrack.hardening;

import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConcurrencyTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class ConcurrencyOnPostgresTest extends ConcurrencyTest {
}
