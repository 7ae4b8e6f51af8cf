package io.claimtrack.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.claimtrack.testing.PackagedApp;

/**
 * A new desk's first start of the packaged app, as the README runs it (demo data on the embedded database): it
 * logs no warning, says last where to open it and how to sign in, and listens on this machine only.
 */
class FirstStartIT {

    @TempDir
    Path dataDir;

    @Test
    void aFirstStartIsCleanSaysHowToSignInAndListensOnLoopbackOnly() throws Exception {
        try (PackagedApp app = PackagedApp.start(PackagedApp.Store.h2(), dataDir,
                Map.of("claimtrack.demo-data.enabled", "true"))) {
            List<String> log = Files.readAllLines(app.log());
            List<String> warnings = log.stream().filter(line -> line.matches("\\S+ \\S+ (WARN|ERROR) .*")).toList();
            assertEquals(List.of(), warnings, "a clean first start logs no warning");
            assertTrue(log.stream().anyMatch(line -> line.contains("claimtrack is ready: open http://127.0.0.1:" + app.port
                    + "/ and sign in as \"admin\"")), "the start says where to open it: " + app.log());
            assertTrue(log.stream().anyMatch(line -> line.contains("Listening on: http://127.0.0.1:" + app.port)), "bound to loopback");

            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", app.port), 2_000);
            }
            InetAddress external = externalAddress();
            assumeTrue(external != null, "this machine has no address but loopback to try");
            IOException refused = null;
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(external, app.port), 2_000);
            } catch (IOException e) {
                refused = e;
            }
            assertNotNull(refused, "claimtrack answered on " + external + ":" + app.port + ", not only on loopback");
        }
    }

    private static InetAddress externalAddress() throws IOException {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!face.isUp() || face.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(face.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
