package io.claimtrack.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.EvidenceItem;
import io.claimtrack.facts.ActorKind;
import io.claimtrack.rating.Rating;
import io.claimtrack.review.PublishedReviews;
import io.claimtrack.review.PublishedReviews.Published;

/**
 * The desk's published reviews as schema.org ClaimReview documents (JSON-LD), in the profile Google's Fact Check
 * Tools read: the claim reviewed, the desk's rating with its place on the scale and the words readers see, the
 * claim as an item (who said it, when, where it appeared), the desk as author, and the public page's URL.
 */
@ApplicationScoped
public class ClaimReviewDocuments {

    private final PublishedReviews reviews;
    private final ClaimQueries claims;
    private final ObjectMapper json;
    private final PublishingSettings desk;

    public ClaimReviewDocuments(PublishedReviews reviews, ClaimQueries claims, ObjectMapper json, PublishingSettings desk) {
        this.reviews = reviews;
        this.claims = claims;
        this.json = json;
        this.desk = desk;
    }

    /** The claim's ClaimReview, if its review is published. */
    public Optional<ObjectNode> of(long claimId) {
        return reviews.of(claimId).flatMap(review -> {
            ClaimView claim = claims.current(List.of(claimId)).get(claimId);
            return claim == null ? Optional.empty() : Optional.of(document(claim, review));
        });
    }

    /**
     * The claim's ClaimReview as the text of a page's {@code <script type="application/ld+json">}: every "<"
     * written as its JSON escape, so no text of the claim can close the script element.
     */
    public Optional<String> embeddable(long claimId) {
        return of(claimId).map(doc -> doc.toString().replace("<", "\\u003c"));
    }

    /** ClaimReviews published or corrected after {@code since}, oldest change first, for harvesting. */
    public List<ObjectNode> changedSince(Instant since, int limit) {
        List<Published> published = reviews.changedSince(since, limit);
        Map<Long, ClaimView> shown = claims.current(published.stream().map(Published::claimId).toList());
        return published.stream().filter(review -> shown.containsKey(review.claimId()))
                .map(review -> document(shown.get(review.claimId()), review)).toList();
    }

    /** The public page a review is read at. */
    public String pageOf(long claimId) {
        return desk.base() + "/claims/" + claimId;
    }

    private ObjectNode document(ClaimView claim, Published review) {
        ObjectNode doc = json.createObjectNode();
        doc.put("@context", "https://schema.org");
        doc.put("@type", "ClaimReview");
        doc.put("url", pageOf(claim.id()));
        doc.put("claimReviewed", claim.text());
        doc.put("datePublished", review.publishedAt().toString());
        doc.put("dateModified", review.modifiedAt().toString());
        ObjectNode author = doc.putObject("author");
        author.put("@type", "Organization");
        author.put("name", desk.organization());
        desk.organizationUrl().ifPresent(url -> author.put("url", url));
        doc.set("reviewRating", rating(review));
        ObjectNode item = doc.putObject("itemReviewed");
        item.put("@type", "Claim");
        ObjectNode claimant = item.putObject("author");
        claimant.put("@type", claim.claimant().kind() == ActorKind.PERSON ? "Person" : "Organization");
        claimant.put("name", claim.claimant().name());
        item.put("datePublished", claim.assertedAt().toString());
        ArrayNode appearance = item.putArray("appearance");
        claim.evidence().stream().filter(evidence -> !evidence.forReview()).map(EvidenceItem::url)
                .filter(url -> url != null && (url.startsWith("https://") || url.startsWith("http://"))).distinct()
                .forEach(url -> appearance.addObject().put("@type", "CreativeWork").put("url", url));
        if (appearance.isEmpty()) {
            item.remove("appearance");
        }
        return doc;
    }

    private ObjectNode rating(Published review) {
        Rating rating = review.rating();
        ObjectNode node = json.createObjectNode();
        node.put("@type", "Rating");
        if (rating.onScale()) {
            node.put("ratingValue", rating.ratingValue());
            node.put("bestRating", rating.bestRating());
            node.put("worstRating", rating.worstRating());
        }
        node.put("alternateName", rating.alternateName());
        if (review.summary() != null) {
            node.put("ratingExplanation", review.summary());
        }
        return node;
    }
}
