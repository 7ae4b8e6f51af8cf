package io.claimtrack.authoring;

import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RulesetResourceTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class RulesetResourceOnPostgresTest extends RulesetResourceTest {
}
