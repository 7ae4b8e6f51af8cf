package io.claimtrack.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the baseline policy: every {@code *.drl} file directly in a directory, by file name. */
public final class RulesDirectory {

    private RulesDirectory() {
    }

    public static Map<String, String> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Rules directory " + dir.toAbsolutePath()
                    + " not found: start claimtrack from the project root or set claimtrack.rules.dir");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(f -> f.getFileName().toString().endsWith(".drl")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules from " + dir.toAbsolutePath(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No .drl files in " + dir.toAbsolutePath());
        }
        return files;
    }
}
