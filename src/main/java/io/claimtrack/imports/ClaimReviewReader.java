package io.claimtrack.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.claimtrack.refusal.Contradiction;
import io.claimtrack.refusal.InvalidInput;

/**
 * Finds the reviews in a ClaimReview upload: a JSON-LD document (a ClaimReview, an array, an {@code @graph}, or
 * ClaimReviews nested in a page's other items), a Fact Check Tools claim search response
 * ({@code claims[].claimReview[]}), or an HTML page's {@code <script type="application/ld+json">} blocks. Each
 * review is taken as text, where it was, and nothing else: whether it can be stored is decided line by line by
 * the job ({@link ForeignReviews}), so one bad review is reported as such and never costs the others.
 */
final class ClaimReviewReader {

    /** ClaimReviews nested deeper than this in a document are not looked for (a page's graph is a few levels deep). */
    private static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    ClaimReviewReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The reviews of a JSON document; a document that is not JSON is a 400 with its position. */
    List<ForeignReview> fromJson(Path upload) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(upload.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInput("the document is not JSON" + position(e) + ": " + e.getOriginalMessage());
        }
        List<ForeignReview> found = new ArrayList<>();
        read(root, "$", found);
        return nonEmpty(found, "the document");
    }

    /** The reviews of an HTML page's JSON-LD blocks; a block that is not JSON is reported as a review that could not be read. */
    List<ForeignReview> fromHtml(Path upload) throws IOException {
        Document page = Jsoup.parse(upload.toFile(), null); // the charset from the page's own meta, else UTF-8
        List<ForeignReview> found = new ArrayList<>();
        int block = 0;
        for (Element script : page.select("script[type]")) {
            if (!script.attr("type").strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            String at = "script[" + block++ + "]$";
            try {
                read(mapper.readTree(script.data()), at, found);
            } catch (JsonProcessingException e) {
                found.add(ForeignReview.unreadable(at, "this JSON-LD block is not JSON" + position(e) + ": "
                        + e.getOriginalMessage()));
            }
        }
        return nonEmpty(found, "the page (" + block + " JSON-LD block" + (block == 1 ? "" : "s") + ")");
    }

    private static List<ForeignReview> nonEmpty(List<ForeignReview> found, String what) {
        if (found.isEmpty()) {
            throw new Contradiction(null, "no ClaimReview in " + what + ": expected schema.org ClaimReview items"
                    + " (JSON-LD: an object, an array or an @graph), a Fact Check Tools claim search response"
                    + " ({\"claims\": [{\"text\", \"claimant\", \"claimReview\": [...]}]}), or an HTML page with"
                    + " <script type=\"application/ld+json\"> blocks holding them");
        }
        return found;
    }

    private static String position(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private void read(JsonNode root, String at, List<ForeignReview> found) {
        if (root.isObject() && root.get("claims") != null && root.get("claims").isArray()) {
            readFactCheckTools(root.get("claims"), at + ".claims", found);
        } else {
            findClaimReviews(root, at, 0, found);
        }
    }

    /** The Fact Check Tools API's answer: each claim with the reviews of it, one review to a record. */
    private static void readFactCheckTools(JsonNode claims, String at, List<ForeignReview> found) {
        for (int i = 0; i < claims.size(); i++) {
            JsonNode claim = claims.get(i);
            String claimAt = at + "[" + i + "]";
            JsonNode reviews = claim.get("claimReview");
            if (reviews == null || !reviews.isArray() || reviews.isEmpty()) {
                found.add(ForeignReview.unreadable(claimAt, "the claim has no claimReview: nothing to import"));
                continue;
            }
            for (int j = 0; j < reviews.size(); j++) {
                JsonNode review = reviews.get(j);
                found.add(new ForeignReview(claimAt + ".claimReview[" + j + "]", claimAt,
                        ForeignReview.Shape.FACT_CHECK_TOOLS, null, text(claim.get("text")), text(claim.get("claimant")),
                        null, text(claim.get("claimDate")), List.of(), name(review.get("publisher")),
                        text(review.get("textualRating")), null, null, null, null, text(review.get("reviewDate")),
                        text(review.get("url")), text(review.get("title"))));
            }
        }
    }

    /** Every object typed ClaimReview in the tree, wherever a page put it (@graph, mainEntity, an array...). */
    private static void findClaimReviews(JsonNode node, String at, int depth, List<ForeignReview> found) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findClaimReviews(node.get(i), at + "[" + i + "]", depth + 1, found);
            }
        } else if (node.isObject() && isA(node, "ClaimReview")) {
            found.add(schemaOrg(node, at));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                findClaimReviews(field.getValue(), at + "." + field.getKey(), depth + 1, found);
            }
        }
    }

    private static ForeignReview schemaOrg(JsonNode review, String at) {
        JsonNode item = first(review.get("itemReviewed"));
        JsonNode author = item == null ? null : first(item.get("author"));
        JsonNode rating = first(review.get("reviewRating"));
        List<String> appearances = new ArrayList<>();
        if (item != null) {
            addUrls(item.get("appearance"), appearances);
            addUrls(item.get("firstAppearance"), appearances);
        }
        JsonNode publisher = review.get("author") != null ? review.get("author") : review.get("publisher");
        return new ForeignReview(at, at, ForeignReview.Shape.SCHEMA_ORG, null, text(review.get("claimReviewed")),
                name(author), author != null && author.isObject() ? type(author) : null,
                item == null ? null : text(item.get("datePublished")), appearances, name(publisher),
                rating == null ? null : text(rating.get("alternateName")),
                rating == null ? null : text(rating.get("ratingValue")),
                rating == null ? null : text(rating.get("bestRating")),
                rating == null ? null : text(rating.get("worstRating")),
                rating == null ? null : text(rating.get("ratingExplanation")),
                text(review.get("datePublished")), text(review.get("url")),
                text(review.get("name") != null ? review.get("name") : review.get("headline")));
    }

    /** A JSON-LD type without its vocabulary's prefix: "ClaimReview" for "schema:ClaimReview" or "https://schema.org/ClaimReview". */
    private static String type(JsonNode node) {
        JsonNode type = first(node.get("@type"));
        if (type == null || !type.isTextual()) {
            return null;
        }
        String name = type.asText().strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
    }

    private static boolean isA(JsonNode node, String type) {
        JsonNode types = node.get("@type");
        if (types != null && types.isArray()) {
            for (JsonNode each : types) {
                String name = each.asText();
                if (name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1).equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(type(node));
    }

    /** A property given once or as a list: its first value. */
    private static JsonNode first(JsonNode value) {
        if (value != null && value.isArray()) {
            return value.isEmpty() ? null : value.get(0);
        }
        return value == null || value.isNull() ? null : value;
    }

    /** A text value: a string, a number, or a JSON-LD value object ({"@value": ...}); null for anything else. */
    private static String text(JsonNode value) {
        JsonNode one = first(value);
        if (one != null && one.isObject() && one.get("@value") != null) {
            one = one.get("@value");
        }
        return one != null && (one.isTextual() || one.isNumber()) ? one.asText() : null;
    }

    /** An actor given as a name, or as an object with a name. */
    private static String name(JsonNode value) {
        JsonNode one = first(value);
        return one != null && one.isObject() ? text(one.get("name")) : text(one);
    }

    private static void addUrls(JsonNode value, List<String> urls) {
        if (value == null) {
            return;
        }
        for (JsonNode each : value.isArray() ? value : List.of(value)) {
            String url = each.isObject() ? text(each.get("url")) : text(each);
            if (url != null && !urls.contains(url.strip())) {
                urls.add(url.strip());
            }
        }
    }
}
