package io.claimtrack.imports;

import java.util.List;

/**
 * One review by another fact-checker, as found in a ClaimReview upload: what the upload said, as text, before
 * any of it is checked. An upload is read into one of these per review, each becoming one line of the job, so
 * that a review's faults are reported as its own (by {@code at}, where in the upload it was) and the others are
 * stored ({@code claimAt} is where the claim's own fields were: the review itself in schema.org, the enclosing
 * claim in a Fact Check Tools response). {@code problem} is set instead of the fields when the part of the upload it stands for was unreadable
 * (a page's JSON-LD block that is not JSON).
 */
record ForeignReview(
        String at,
        String claimAt,
        Shape shape,
        String problem,
        String claimReviewed,
        String claimant,
        String claimantType,
        String claimDate,
        List<String> appearances,
        String publisher,
        String rating,
        String ratingValue,
        String bestRating,
        String worstRating,
        String explanation,
        String reviewDate,
        String url,
        String title) {

    /** The NDJSON line type of a review read from a ClaimReview upload. */
    static final String TYPE = "claimreview";

    /** Which format it came in: the names of its fields there, for error messages a publisher's developer can follow. */
    enum Shape {
        SCHEMA_ORG("claimReviewed", "itemReviewed.author.name", "itemReviewed.datePublished", "itemReviewed.appearance",
                "author.name", "reviewRating", "datePublished", "url"),
        FACT_CHECK_TOOLS("text", "claimant", "claimDate", null, "publisher.name", "textualRating", "reviewDate", "url");

        final String claimReviewed;
        final String claimant;
        final String claimDate;
        final String appearance;
        final String publisher;
        final String rating;
        final String reviewDate;
        final String url;

        Shape(String claimReviewed, String claimant, String claimDate, String appearance, String publisher,
              String rating, String reviewDate, String url) {
            this.claimReviewed = claimReviewed;
            this.claimant = claimant;
            this.claimDate = claimDate;
            this.appearance = appearance;
            this.publisher = publisher;
            this.rating = rating;
            this.reviewDate = reviewDate;
            this.url = url;
        }
    }

    static ForeignReview unreadable(String at, String problem) {
        return new ForeignReview(at, at, null, problem, null, null, null, null, List.of(), null, null, null, null, null,
                null, null, null, null);
    }

    List<String> appearancesOrEmpty() {
        return appearances == null ? List.of() : appearances;
    }

    /** The path of one of the review's fields in the upload, for an error: "claims[2].claimReview[0].textualRating". */
    String reviewField(String name) {
        return at + "." + name;
    }

    /** The path of one of the claim's fields in the upload: "claims[2].claimant", "[0].itemReviewed.author.name". */
    String claimField(String name) {
        return claimAt + "." + name;
    }
}
