package io.claimtrack.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.testing.PackagedApp;

/**
 * The README's tour, run: every command of its "A tour with curl" section, pasted as printed (only the port
 * is this test's), against a freshly started packaged app with the demo data, each answer compared with the
 * output the README prints under it. JSON the README prints must be in the answer (it may leave fields out:
 * an abridged object); other output must match line for line, "..." standing for what the README leaves out.
 * Instants with fractions of a second (when something was recorded) are compared as instants, not as values.
 */
class TourIT {

    static final String ADMIN_PASSWORD = "change-me-admin-password";
    private static final Pattern RECORDED_INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z");
    /** One JSON document, all of the text: lines of JSON (jq -c) are compared as text. */
    private static final com.fasterxml.jackson.databind.ObjectReader JSON = new ObjectMapper().reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path dataDir;

    /** One command of the tour and the output the README prints for it. */
    record Step(String command, String expected) {
    }

    @Test
    void theReadmesTourPrintsWhatTheAppAnswers() throws Exception {
        List<Step> steps = steps(Files.readString(Path.of("README.md")));
        assertTrue(steps.size() >= 10, "the tour was read: " + steps.size() + " commands");
        try (PackagedApp app = PackagedApp.start(PackagedApp.Store.h2(), dataDir, Map.of(
                "claimtrack.demo-data.enabled", "true", "claimtrack.admin.password", ADMIN_PASSWORD))) {
            List<String> differences = new ArrayList<>();
            // The commands run where a user runs them, the project root, as far as they can tell: rules/ is there.
            Path workingDir = Files.createDirectories(dataDir.resolve("tour"));
            Files.createDirectories(workingDir.resolve("rules"));
            try (var drl = Files.list(Path.of("rules"))) {
                for (Path file : drl.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, workingDir.resolve("rules").resolve(file.getFileName()));
                }
            }
            for (Step step : steps) {
                String command = step.command().replace("localhost:8080", "localhost:" + app.port);
                String actual = run(command, workingDir);
                String difference = compare(step.expected(), actual);
                // A read may come before the work it shows is done (an import runs in the background): as a
                // reader would, ask again for a while. A write is never repeated.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (difference != null && isRead(command) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    actual = run(command, workingDir);
                    difference = compare(step.expected(), actual);
                }
                if (difference != null) {
                    differences.add("$ " + step.command() + "\n  README: " + step.expected().replace("\n", "\n          ")
                            + "\n  app:    " + actual.replace("\n", "\n          ") + "\n  " + difference);
                }
            }
            assertEquals("", String.join("\n\n", differences), "the README's tour and the app disagree");
        }
    }

    /** The commands of the tour's console blocks, with what follows each up to the next command. */
    static List<Step> steps(String readme) {
        List<Step> steps = new ArrayList<>();
        for (String section : SECTIONS) {
            int start = readme.indexOf(section);
            steps.addAll(stepsOf(readme.substring(start, readme.indexOf("\n## ", start + 5))));
        }
        return steps;
    }

    /** The README's sections whose commands run, in order, one after the other on the same app. */
    static final List<String> SECTIONS = List.of("## A tour with curl", "## Bulk import (NDJSON)",
            "## Status over time: event time and system time",
            "## The desk's review: standing apart from rating", "## Publishing", "## Authoring rules at runtime");

    private static List<Step> stepsOf(String tour) {
        List<Step> steps = new ArrayList<>();
        boolean inConsole = false;
        StringBuilder command = null;
        List<String> output = new ArrayList<>();
        for (String line : tour.lines().toList()) {
            if (!inConsole) {
                inConsole = line.equals("```console");
                continue;
            }
            boolean end = line.equals("```");
            boolean continues = command != null && output.isEmpty()
                    && (command.toString().endsWith("\\") || quotesOpen(command.toString()) || hereDocumentOpen(command.toString()));
            if (continues && !end) {
                command.append('\n').append(line);
                continue;
            }
            if (end || line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command.toString(), String.join("\n", output).strip()));
                }
                command = end ? null : new StringBuilder(line.substring(2));
                output.clear();
                inConsole = !end;
                continue;
            }
            output.add(line);
        }
        return steps;
    }

    /** A command writing a file from the lines after it, up to the line "EOF". */
    private static boolean hereDocumentOpen(String command) {
        return command.contains("<<'EOF'") && !command.endsWith("\nEOF");
    }

    private static boolean quotesOpen(String command) {
        if (command.contains("<<'EOF'")) {
            return false; // the document's lines are its own, quotes and all
        }
        return command.chars().filter(c -> c == '\'').count() % 2 == 1;
    }

    private static boolean isRead(String command) {
        return command.startsWith("curl ") && !command.contains("-X") && !command.contains("--data") && !command.contains(" -d ");
    }

    private static String run(String command, Path workingDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(workingDir.toFile())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "(still running after 60 s)";
        }
        return new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
    }

    /** @return null when the answer shows what the README prints, else what differs */
    static String compare(String expected, String actual) {
        if (expected.isEmpty()) {
            return null; // the README shows no output for it
        }
        String[] expectedParts = headersAndBody(expected);
        String[] actualParts = headersAndBody(actual);
        if (expectedParts[0] != null) {
            if (actualParts[0] == null) {
                return "the README shows headers; the app's answer has none";
            }
            for (String header : expectedParts[0].lines().filter(line -> !line.equals("...") && !line.equals("…")).toList()) {
                if (actualParts[0].lines().noneMatch(line -> line.equalsIgnoreCase(header))) {
                    return "no header line \"" + header + "\"";
                }
            }
        }
        String expectedBody = expectedParts[1];
        String actualBody = actualParts[1];
        if (expectedBody.isEmpty() || expectedBody.equals("...")) {
            return null;
        }
        JsonNode expectedJson = json(expectedBody);
        JsonNode actualJson = json(actualBody);
        if (expectedJson != null) {
            return actualJson == null ? "the README shows JSON; the app answered something else"
                    : within(expectedJson, actualJson, "$");
        }
        return wildcard(normalized(expectedBody)).matcher(normalized(actualBody)).matches() ? null : "the text differs";
    }

    /** {headers or null, body}: "HTTP/1.1 ..." lines up to the first blank line are headers. */
    private static String[] headersAndBody(String text) {
        if (!text.startsWith("HTTP/")) {
            return new String[] {null, text.strip()};
        }
        int blank = text.indexOf("\n\n");
        return blank < 0 ? new String[] {text.strip(), ""}
                : new String[] {text.substring(0, blank).strip(), text.substring(blank + 2).strip()};
    }

    private static JsonNode json(String text) {
        try {
            return text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** Whether every field the README shows is in the answer, with the value it shows. */
    private static String within(JsonNode expected, JsonNode actual, String at) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return at + ": the README shows an object";
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey())) {
                    return at + "." + field.getKey() + ": not in the answer";
                }
                String difference = within(field.getValue(), actual.get(field.getKey()), at + "." + field.getKey());
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return at + ": the README shows " + expected.size() + " items, the app " + (actual.isArray() ? actual.size() : "no array");
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = within(expected.get(i), actual.get(i), at + "[" + i + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return wildcard(normalized(expected.asText())).matcher(normalized(actual.asText())).matches() ? null
                    : at + ": \"" + expected.asText() + "\" but the app says \"" + actual.asText() + "\"";
        }
        return expected.equals(actual) ? null : at + ": " + expected + " but the app says " + actual;
    }

    private static String normalized(String text) {
        return RECORDED_INSTANT.matcher(text).replaceAll("<recorded>").replaceAll("\\s+", " ").strip();
    }

    /** The text as a pattern: literal but for "..." and "…", which stand for whatever the README leaves out. */
    private static Pattern wildcard(String text) {
        StringBuilder pattern = new StringBuilder();
        for (String part : text.split("\\.\\.\\.|…", -1)) {
            if (pattern.length() > 0) {
                pattern.append(".*");
            }
            pattern.append(Pattern.quote(part));
        }
        return Pattern.compile(pattern.toString(), Pattern.DOTALL);
    }
}
