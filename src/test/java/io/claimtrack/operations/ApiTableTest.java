package io.claimtrack.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's API table against the OpenAPI document the app serves: every endpoint it lists exists with that
 * method, every query parameter it names is one the endpoint takes, and every body field it names is in the
 * endpoint's request schema. The document lists the API only, not the pages.
 */
@QuarkusTest
class ApiTableTest {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (/\\S+)");

    /** One endpoint as the table gives it. */
    private record Row(String method, String path, Set<String> query, Set<String> body, String line) {
    }

    @Test
    void theOpenApiDocumentListsTheApiOnly() throws IOException {
        JsonNode paths = openApi().get("paths");
        List<String> notApi = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/api/")) {
                notApi.add(path);
            }
        });
        assertEquals(List.of(), notApi);
        assertTrue(paths.size() > 30, "the API's paths are listed");
    }

    @Test
    void everyEndpointOfTheReadmesApiTableIsInTheOpenApiDocumentWithItsParametersAndFields() throws IOException {
        JsonNode document = openApi();
        Map<String, JsonNode> byShape = new HashMap<>();
        document.get("paths").fields().forEachRemaining(entry -> byShape.put(shape(entry.getKey()), entry.getValue()));
        List<Row> rows = rows();
        assertTrue(rows.size() > 40, "the table was read: " + rows.size() + " endpoints");
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            JsonNode item = byShape.get(shape(row.path()));
            JsonNode operation = item == null ? null : item.get(row.method().toLowerCase(Locale.ROOT));
            if (operation == null) {
                problems.add(row.method() + " " + row.path() + " is not in the OpenAPI document (" + row.line() + ")");
                continue;
            }
            Set<String> parameters = new LinkedHashSet<>();
            for (JsonNode parameter : operation.path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    parameters.add(parameter.path("name").asText());
                }
            }
            for (String query : row.query()) {
                if (!parameters.contains(query)) {
                    problems.add(row.method() + " " + row.path() + " takes no ?" + query + "= (it takes " + parameters + ")");
                }
            }
            Set<String> fields = fields(document, operation);
            for (String field : row.body()) {
                if (!fields.contains(field)) {
                    problems.add(row.method() + " " + row.path() + " has no body field \"" + field + "\" (it has " + fields + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static JsonNode openApi() throws IOException {
        return new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    /** A path with its parameters' names left out: "/api/claims/{}/verdicts/{}". */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}/]*}", "{}");
    }

    /** The properties of the operation's JSON request body, its references followed. */
    private static Set<String> fields(JsonNode document, JsonNode operation) {
        Set<String> fields = new LinkedHashSet<>();
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        for (int depth = 0; schema.has("$ref") && depth < 5; depth++) {
            String ref = schema.get("$ref").asText();
            schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        schema.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** The table's endpoints: each ticked "METHOD /path", continued by ticked "/other" paths and "{fields}". */
    private static List<Row> rows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## The API"), readme.indexOf("\n## ", readme.indexOf("## The API") + 5));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            String cell = line.substring(2, line.indexOf(" | ", 2));
            String method = null;
            String previous = null;
            List<Row> ofLine = new ArrayList<>();
            Matcher ticked = TICKED.matcher(cell);
            while (ticked.find()) {
                String token = ticked.group(1).replace("\\|", "|");
                Matcher endpoint = ENDPOINT.matcher(token);
                String path = null;
                if (endpoint.matches()) {
                    method = endpoint.group(1);
                    path = endpoint.group(2);
                } else if (token.startsWith("/") && method != null) {
                    path = token.startsWith("/api/") || previous == null ? token
                            : previous.substring(0, previous.lastIndexOf('/')) + token;
                } else if (token.startsWith("{") && !ofLine.isEmpty()) {
                    Row last = ofLine.remove(ofLine.size() - 1);
                    ofLine.add(new Row(last.method(), last.path(), last.query(), bodyFields(token), line));
                    continue;
                } else {
                    continue; // a media type or a note
                }
                if (!path.startsWith("/api/")) {
                    continue; // the feeds and Quarkus' own endpoints are not the API
                }
                for (Row row : endpoints(method, path, line)) {
                    ofLine.add(row);
                    previous = row.path();
                }
            }
            rows.addAll(ofLine);
        }
        return rows;
    }

    /** "/api/claims/{id}[?asOf=|?knownAt=]" is one path with two parameters; "/x/disable|enable" is two paths. */
    private static List<Row> endpoints(String method, String written, String line) {
        String text = written.replace("[", "").replace("]", "");
        int query = text.indexOf('?');
        String path = query < 0 ? text : text.substring(0, query);
        Set<String> parameters = new LinkedHashSet<>();
        if (query >= 0) {
            Matcher name = Pattern.compile("[?&|]([A-Za-z]+)=").matcher(text.substring(query));
            while (name.find()) {
                parameters.add(name.group(1));
            }
        }
        List<Row> rows = new ArrayList<>();
        int last = path.lastIndexOf('/');
        for (String ending : path.substring(last + 1).split("\\|")) {
            rows.add(new Row(method, path.substring(0, last + 1) + ending, parameters, Set.of(), line));
        }
        return rows;
    }

    /** "{text, claimant?, source:{url,title}, disputes | supports, url or title, basedOn+files}" → the top-level names. */
    private static Set<String> bodyFields(String body) {
        Set<String> names = new LinkedHashSet<>();
        StringBuilder flat = new StringBuilder();
        int depth = 0;
        for (char c : body.substring(1, body.length() - 1).toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0 && c != '}') {
                flat.append(c);
            }
        }
        for (Iterator<String> parts = List.of(flat.toString().split("[,|+]| or ")).iterator(); parts.hasNext(); ) {
            String part = parts.next().strip().replace("?", "");
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon);
            if (name.matches("[A-Za-z]+")) {
                names.add(name);
            }
        }
        return names;
    }
}
