package io.claimtrack.imports;

import io.claimtrack.testing.OnPostgres;
import io.claimtrack.testing.RequiresPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ArchiveExportTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
@RequiresPostgres
class ArchiveExportOnPostgresTest extends ArchiveExportTest {
}
