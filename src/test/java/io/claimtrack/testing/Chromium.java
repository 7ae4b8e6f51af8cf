package io.claimtrack.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The browser the browser tests drive: Debian's chromium and chromium-driver. Where they are missing the tests
 * are skipped with one line saying so, unless {@code -Dclaimtrack.browser-tests=required} (which CI sets): then
 * they fail, saying what to install.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRED = "claimtrack.browser-tests";

    private Chromium() {
    }

    private static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    private static boolean required() {
        return "required".equals(System.getProperty(REQUIRED));
    }

    /** For {@code @EnabledIf}: whether the browser tests run here (when required, they run, and fail without it). */
    public static boolean testsRun() {
        if (installed() || required()) {
            return true;
        }
        System.err.println("Browser tests skipped: no " + BINARY + " and " + DRIVER + " here (apt-get install chromium"
                + " chromium-driver; -D" + REQUIRED + "=required makes their absence a failure)");
        return false;
    }

    /** Fails the tests that require it, saying what is missing. */
    public static void requireInstalled() {
        if (!installed()) {
            throw new IllegalStateException(BINARY + " and " + DRIVER + " are required (-D" + REQUIRED
                    + "=required) but missing: apt-get install chromium chromium-driver");
        }
    }
}
