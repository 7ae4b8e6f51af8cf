package io.claimtrack.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The key that encrypts the pages' sign-in cookie. Whoever holds it can forge a session for any user, so
 * it is never generated afresh at each start (Quarkus would then print it in the log) and never logged:
 * it comes from {@code CLAIMTRACK_SESSION_KEY}, else from {@code <data-dir>/session.key}, created once
 * with 32 random bytes and readable by the owner only. Sessions therefore survive a restart.
 *
 * <p>Configured in application.properties (as the tests do), the key there wins. Nothing is read or written
 * while the app is built: the build would keep the key inside the packaged jar.
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String FILE = "session.key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT && ExecutionMode.current() != ExecutionMode.RUNNING) {
            // The build reads configuration too, and would bake what it read into the packaged app.
            return List.of();
        }
        String fromEnvironment = System.getenv("CLAIMTRACK_SESSION_KEY");
        String key;
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            key = fromEnvironment.strip();
        } else {
            ConfigValue configured = context.getValue(PROPERTY);
            if (configured != null && configured.getValue() != null) {
                return List.of();
            }
            ConfigValue dataDir = context.getValue("claimtrack.data-dir");
            key = keyIn(Path.of(dataDir == null || dataDir.getValue() == null ? "./data" : dataDir.getValue()));
        }
        if (key.length() < 32) {
            throw new IllegalStateException("CLAIMTRACK_SESSION_KEY must be at least 32 characters");
        }
        return List.of(new MapBackedConfigSource("claimtrack session key", Map.of(PROPERTY, key), 200) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(200);
    }

    /** The key kept in the data directory, created on first use (owner-only, never overwritten). */
    static String keyIn(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Path written = Files.createTempFile(dataDir, FILE, ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(written, key);
                try {
                    Files.move(written, file); // whole or not at all: nobody reads a half-written key
                } catch (FileAlreadyExistsException raced) {
                    Files.delete(written); // another instance on the same data directory was first: use theirs
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the session key in " + file, e);
        }
    }
}
