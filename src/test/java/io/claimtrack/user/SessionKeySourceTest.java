package io.claimtrack.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeySourceTest {

    @Test
    void shouldCreateTheKeyOnceReadableByTheOwnerOnly(@TempDir Path dataDir) throws Exception {
        String first = SessionKeySource.keyIn(dataDir.resolve("data"));
        String second = SessionKeySource.keyIn(dataDir.resolve("data"));

        Path file = dataDir.resolve("data").resolve(SessionKeySource.FILE);
        assertEquals(first, second, "the same key after a restart");
        assertTrue(first.length() >= 32, first);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        try (var files = Files.list(dataDir.resolve("data"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
