package io.claimtrack.publishing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;

import io.claimtrack.testing.Api;
import io.claimtrack.testing.TestUsers;
import io.claimtrack.time.MovableClock;
import io.claimtrack.user.Roles;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Atom feeds, validated as RFC 4287 says: against its RELAX NG grammar (with Jing) and its Schematron rules
 * (checked here): every entry has an author or the feed does, an alternate link or content, a unique id.
 */
@QuarkusTest
class AtomFeedTest {

    private static final String RATER = "feed-rater";
    private static final String PUBLISHER = "feed-publisher";

    @Inject
    MovableClock clock;

    @BeforeEach
    void signIn() {
        TestUsers.ensure(RATER, Roles.EDITOR);
        TestUsers.ensure(PUBLISHER, Roles.EDITOR);
        TestUsers.signInAsDesk();
    }

    @Test
    void theReviewsFeedIsValidAtomWithTheRatingAndTheReason() throws Exception {
        String speaker = Api.actor(Api.unique("Feed speaker"), "STATE", Api.unique("bloc"));
        long claim = Api.submit(Api.claim(speaker, "Exports rose by 40 % & more <quickly>",
                clock.instant().minus(Duration.ofHours(2)).toString()));
        Api.reviewStep(RATER, claim, "assign", Map.of("assignee", RATER));
        Api.reviewStep(RATER, claim, "start", null);
        Api.reviewStep(RATER, claim, "rate", Map.of("rating", "MOSTLY_FALSE", "summary", "Customs data show 12 %."));
        Api.reviewStep(PUBLISHER, claim, "publish", Map.of("url", "https://desk.example/checks/exports"));

        String feed = given().when().get("/feeds/reviews.atom").then().statusCode(200)
                .contentType("application/atom+xml").extract().asString();
        assertValidAtom(feed);
        Element entry = entryLinkingTo(parse(feed), "/claims/" + claim);
        assertEquals("Mostly false: Exports rose by 40 % & more <quickly>", text(entry, "title"));
        assertEquals("Rated Mostly false by the desk: Customs data show 12 %.", text(entry, "summary"));
        assertEquals("MOSTLY_FALSE", ((Element) entry.getElementsByTagNameNS(AtomFeeds.ATOM, "category").item(0))
                .getAttribute("term"));
    }

    @Test
    void theChangesFeedIsValidAtomAndNarrowsByTopicStatusAndFlag() throws Exception {
        String topic = Api.unique("Feed topic");
        String a = Api.actor(Api.unique("Feed A"), "STATE", Api.unique("bloc A"));
        String b = Api.actor(Api.unique("Feed B"), "STATE", Api.unique("bloc B"));
        Map<String, Object> said = Api.claim(a, "A bridge was destroyed", clock.instant().minus(Duration.ofHours(2)).toString());
        said.put("topic", topic);
        long claim = Api.submit(said);
        Api.relate(b, "disputes", claim, clock.instant().minus(Duration.ofHours(1)).toString());

        String feed = given().queryParam("topic", topic.toUpperCase()).queryParam("status", "contested")
                .when().get("/feeds/changes.atom").then().statusCode(200).extract().asString();
        assertValidAtom(feed);
        Document doc = parse(feed);
        NodeList entries = doc.getElementsByTagNameNS(AtomFeeds.ATOM, "entry");
        assertEquals(1, entries.getLength(), feed);
        Element entry = (Element) entries.item(0);
        assertTrue(text(entry, "title").startsWith("#" + claim + " CONTESTED (was UNVERIFIED): A bridge was destroyed"));
        assertTrue(text(entry, "summary").contains("Claim disputed by an independent actor is CONTESTED"), text(entry, "summary"));
        assertTrue(text(doc.getDocumentElement(), "title").endsWith("on " + topic.toUpperCase() + ", to CONTESTED"));

        assertValidAtom(given().queryParam("flag", "STALE").queryParam("topic", topic).when().get("/feeds/changes.atom")
                .then().statusCode(200).extract().asString());
        given().queryParam("status", "MAYBE").when().get("/feeds/changes.atom").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
        given().queryParam("flag", "LOUD").when().get("/feeds/changes.atom").then().statusCode(400)
                .body("detail", containsString("STALE"));
    }

    @Test
    void theValidatorRefusesAFeedThatIsNotAtom() throws Exception {
        String noId = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><updated>2026-01-01T00:00:00Z</updated>"
                + "<author><name>n</name></author></feed>";
        assertFalse(schemaErrors(noId).isEmpty(), "a feed without an id is refused");
        String badDate = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>t</title>"
                + "<updated>yesterday</updated><author><name>n</name></author></feed>";
        assertFalse(schemaErrors(badDate).isEmpty(), "a feed with a date that is no date-time is refused");
    }


    /** RFC 4287's grammar, and the rules its Schematron annotations state. */
    private static void assertValidAtom(String feed) throws Exception {
        List<String> errors = schemaErrors(feed);
        assertTrue(errors.isEmpty(), String.join("\n", errors) + "\n" + feed);
        Document doc = parse(feed);
        Element root = doc.getDocumentElement();
        boolean feedAuthor = children(root, "author").size() > 0;
        Set<String> ids = new HashSet<>();
        for (Element entry : children(root, "entry")) {
            assertTrue(feedAuthor || !children(entry, "author").isEmpty(), "an entry without an author, nor the feed");
            boolean alternate = children(entry, "link").stream().anyMatch(l -> "alternate".equals(l.getAttribute("rel")));
            assertTrue(alternate || !children(entry, "content").isEmpty(), "an entry needs content or an alternate link");
            assertTrue(ids.add(text(entry, "id")), "entry ids are unique: " + text(entry, "id"));
            Instant.parse(text(entry, "updated"));
        }
        assertTrue(children(root, "link").stream().anyMatch(l -> "self".equals(l.getAttribute("rel"))));
    }

    private static List<String> schemaErrors(String feed) throws Exception {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertTrue(driver.loadSchema(new InputSource(AtomFeedTest.class.getResource("/atom/rfc4287.rnc").toString())),
                "the grammar loads: " + errors);
        if (!driver.validate(new InputSource(new StringReader(feed))) && errors.isEmpty()) {
            errors.add("invalid");
        }
        return errors;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element entryLinkingTo(Document doc, String path) {
        for (Element entry : children(doc.getDocumentElement(), "entry")) {
            if (children(entry, "link").stream().anyMatch(l -> l.getAttribute("href").endsWith(path))) {
                return entry;
            }
        }
        throw new AssertionError("no entry links to " + path);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && AtomFeeds.ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
