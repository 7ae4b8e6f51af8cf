package io.claimtrack.publishing;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimtrack.claim.ClaimQueries;
import io.claimtrack.claim.ClaimView;
import io.claimtrack.claim.RecentChange;
import io.claimtrack.facts.ClaimStatus;
import io.claimtrack.facts.Flag;
import io.claimtrack.review.PublishedReviews;
import io.claimtrack.review.PublishedReviews.Published;

/**
 * Atom feeds (RFC 4287) of what the desk publishes: its published reviews, and the changes of claims' standings
 * (narrowed by topic, status, flag). Each entry links to the claim's page and carries the reason.
 */
@ApplicationScoped
public class AtomFeeds {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** Entries in a feed: a reader polls, and older entries are in the API. */
    static final int ENTRIES = 50;
    private static final int TITLE_TEXT = 200;

    private final PublishedReviews reviews;
    private final ClaimQueries claims;
    private final ClaimReviewDocuments documents;
    private final Clock clock;
    private final String baseUrl;
    private final PublishingSettings desk;

    public AtomFeeds(PublishedReviews reviews, ClaimQueries claims, ClaimReviewDocuments documents, Clock clock,
                     PublishingSettings desk) {
        this.reviews = reviews;
        this.claims = claims;
        this.documents = documents;
        this.clock = clock;
        this.baseUrl = desk.base();
        this.desk = desk;
    }

    /** The latest published reviews: the rating in the title, the desk's summary as the entry's summary. */
    public String reviews() {
        List<Published> latest = reviews.latest(ENTRIES);
        Map<Long, ClaimView> shown = claims.current(latest.stream().map(Published::claimId).toList());
        return feed(baseUrl + "/feeds/reviews.atom", desk.organization() + ": published reviews", baseUrl + "/reviews",
                latest.isEmpty() ? null : latest.get(0).modifiedAt(), atom -> {
                    for (Published review : latest) {
                        ClaimView claim = shown.get(review.claimId());
                        if (claim == null) {
                            continue;
                        }
                        atom.writeStartElement("entry");
                        element(atom, "id", documents.pageOf(claim.id()) + "#review");
                        element(atom, "title", review.rating().alternateName() + ": " + cut(claim.text()));
                        link(atom, "alternate", "text/html", documents.pageOf(claim.id()));
                        link(atom, "related", ClaimReviewResource.JSON_LD, baseUrl + "/api/claims/" + claim.id()
                                + "/claimreview");
                        element(atom, "published", review.publishedAt().toString());
                        element(atom, "updated", review.modifiedAt().toString());
                        category(atom, review.rating().name(), baseUrl + "/ratings", review.rating().alternateName());
                        element(atom, "summary", "Rated " + review.rating().alternateName() + " by the desk"
                                + (review.summary() == null ? "." : ": " + review.summary()));
                        atom.writeEndElement();
                    }
                });
    }

    /** The latest changes of claims' standings, narrowed as asked: the rule's explanation as the summary. */
    public String changes(String topic, ClaimStatus status, Flag flag, String selfQuery) {
        List<RecentChange> changes = claims.changes(topic, status, flag, ENTRIES);
        String self = baseUrl + "/feeds/changes.atom" + (selfQuery == null || selfQuery.isEmpty() ? "" : "?" + selfQuery);
        return feed(self, desk.organization() + ": changes of standing" + (topic == null || topic.isBlank() ? "" : " on " + topic.strip())
                        + (status == null ? "" : ", to " + status) + (flag == null ? "" : ", flagged " + flag),
                baseUrl + "/claims", changes.isEmpty() ? null : changes.get(0).at(), atom -> {
                    for (RecentChange change : changes) {
                        atom.writeStartElement("entry");
                        element(atom, "id", documents.pageOf(change.claimId()) + "#change-" + change.id());
                        element(atom, "title", "#" + change.claimId() + " " + change.to() + (change.from() == null
                                ? "" : change.from() == change.to() ? "" : " (was " + change.from() + ")") + ": "
                                + cut(change.text()));
                        link(atom, "alternate", "text/html", documents.pageOf(change.claimId()));
                        element(atom, "updated", change.at().toString());
                        category(atom, change.to().name(), baseUrl + "/statuses", null);
                        for (Flag raised : change.flags()) {
                            category(atom, raised.name(), baseUrl + "/flags", null);
                        }
                        element(atom, "summary", change.explanation() + " (rule \"" + change.rule() + "\", ruleset v"
                                + change.rulesetVersion() + "; " + change.cause() + ")");
                        atom.writeEndElement();
                    }
                });
    }

    /** What writes a feed's entries. */
    private interface Entries {
        void write(XMLStreamWriter atom) throws XMLStreamException;
    }

    private String feed(String self, String title, String alternate, Instant updated, Entries entries) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter atom = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            atom.writeStartDocument("UTF-8", "1.0");
            atom.setDefaultNamespace(ATOM);
            atom.writeStartElement(ATOM, "feed");
            atom.writeDefaultNamespace(ATOM);
            element(atom, "id", self);
            element(atom, "title", title);
            // The newest entry's instant; a feed with none was last changed, as far as a reader can tell, now.
            element(atom, "updated", (updated == null ? clock.instant() : updated).toString());
            link(atom, "self", "application/atom+xml", self);
            link(atom, "alternate", "text/html", alternate);
            atom.writeStartElement("author");
            element(atom, "name", desk.organization());
            if (desk.organizationUrl().isPresent()) {
                element(atom, "uri", desk.organizationUrl().get());
            }
            atom.writeEndElement();
            atom.writeStartElement("generator");
            atom.writeCharacters("claimtrack");
            atom.writeEndElement();
            entries.write(atom);
            atom.writeEndElement();
            atom.writeEndDocument();
            atom.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write an Atom feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter atom, String name, String text) throws XMLStreamException {
        atom.writeStartElement(name);
        atom.writeCharacters(xmlText(text));
        atom.writeEndElement();
    }

    private static void link(XMLStreamWriter atom, String rel, String type, String href) throws XMLStreamException {
        atom.writeEmptyElement("link");
        atom.writeAttribute("rel", rel);
        atom.writeAttribute("type", type);
        atom.writeAttribute("href", href);
    }

    private static void category(XMLStreamWriter atom, String term, String scheme, String label) throws XMLStreamException {
        atom.writeEmptyElement("category");
        atom.writeAttribute("term", term);
        atom.writeAttribute("scheme", scheme);
        if (label != null) {
            atom.writeAttribute("label", xmlText(label));
        }
    }

    private static String cut(String text) {
        return text.length() <= TITLE_TEXT ? text : text.substring(0, TITLE_TEXT - 1) + "…";
    }

    /** Text XML 1.0 can carry: characters it forbids (stored before claimtrack refused them) left out. */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
