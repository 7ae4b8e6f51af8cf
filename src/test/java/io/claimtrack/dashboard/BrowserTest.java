package io.claimtrack.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.claimtrack.time.MovableClock;
import io.claimtrack.testing.Chromium;
import io.claimtrack.testing.TestUsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.claimtrack.testing.Api;

/**
 * The desk's screen in a real headless Chromium (Debian's chromium and chromium-driver). Screenshots of
 * each page go to target/screenshots.
 */
@QuarkusTest
@TestProfile(BrowserTest.DemoDataOnly.class)
@EnabledIf("io.claimtrack.testing.Chromium#testsRun")
class BrowserTest {

    /** A database of its own, so the overview shows the demo data, not what other test classes added. */
    public static class DemoDataOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:claimtrack-browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void startBrowser() throws IOException {
        Chromium.requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BINARY.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signInForRest() {
        TestUsers.signInAsDesk();
    }

    @Test
    void shouldShowRussiasClaimContestedOnTheOverviewWithTheReason() {
        open("/");
        WebElement contested = browser.findElement(By.xpath("//section[h2='Recently contested']//li[contains(., 'Russia')]"));
        assertTrue(contested.getText().contains("CONTESTED"), contested.getText());
        assertTrue(contested.getText().contains("United States") && contested.getText().contains("France")
                && contested.getText().contains("US-led coalition"), contested.getText());
        screenshot("overview");
    }

    @Test
    void shouldShowTheThreadTimelineAndHistoryOfAClaim() {
        open("/claims/" + russiaClaim());
        String tree = browser.findElement(By.cssSelector("ul.tree")).getText();
        assertTrue(tree.contains("United States") && tree.contains("France") && tree.contains("DISPUTES"), tree);
        String timeline = browser.findElement(By.cssSelector("ol.timeline")).getText();
        assertTrue(timeline.contains("claim #") && timeline.contains("by United States disputes"), timeline);
        assertTrue(browser.findElement(By.cssSelector(".why")).getText().contains("Claim disputed by an independent actor is CONTESTED"));
        screenshot("claim-detail");
    }

    @Test
    void shouldShowTheClaimUnverifiedAsOfBeforeItsFirstDispute() {
        open("/claims/" + russiaClaim());
        WebElement picker = browser.findElement(By.name("asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2015-09-30T11:00'", picker);
        browser.findElement(By.cssSelector(".asof-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("asOf="));
        assertEquals("UNVERIFIED", browser.findElement(By.cssSelector("h1 .badge")).getText());
        assertTrue(browser.findElement(By.cssSelector(".asof")).getText().contains("2015-09-30T11:00"));
        screenshot("claim-as-of");
    }

    @Test
    void shouldSubmitACounterclaimAndUpdateAnOpenPageLive() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        actor("Live A " + suffix, "bloc A " + suffix);
        actor("Live B " + suffix, "bloc B " + suffix);
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("text", "Live claim " + suffix, "claimant", "Live A " + suffix,
                        "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString()))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        signInInBrowser();

        open("/claims/" + target);
        String watching = browser.getWindowHandle();
        assertEquals("UNVERIFIED", browser.findElement(By.cssSelector("h1 .badge")).getText());
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "open".equals(
                ((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-live')")));

        browser.switchTo().newWindow(WindowType.TAB);
        open("/claims/new?disputes=" + target);
        assertEquals("actor-names", browser.findElement(By.name("claimant")).getAttribute("list"));
        assertTrue(!browser.findElements(By.cssSelector("datalist#actor-names option[value='Live B " + suffix + "']")).isEmpty(),
                "the form suggests registered claimants as you type");
        browser.findElement(By.name("text")).sendKeys("No, it did not happen.");
        browser.findElement(By.name("claimant")).sendKeys("Live B " + suffix);
        screenshot("submit");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/claims/\\d+$"));

        browser.switchTo().window(watching);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "CONTESTED".equals(d.findElement(By.cssSelector("h1 .badge")).getText()));
        WebElement notice = browser.findElement(By.id("live-notice"));
        assertTrue(notice.isDisplayed() && notice.getText().contains("is now CONTESTED"), notice.getText());
        screenshot("live-update");
    }

    @Test
    void shouldShowAValidationErrorNextToItsField() {
        signInInBrowser();
        open("/claims/new");
        browser.findElement(By.name("claimant")).sendKeys("Someone");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("text-error")));
        assertEquals("must not be blank", error.getText());
        assertEquals("Someone", browser.findElement(By.name("claimant")).getAttribute("value"), "the form keeps what was typed");
        screenshot("validation-error");
    }

    @Test
    void shouldRenderScriptInAClaimAsText() {
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("text", "<script>document.title='pwned'</script> hello",
                        "claimant", Api.ensureActor("Script " + UUID.randomUUID()),
                        "assertedAt", clock.instant().minus(Duration.ofHours(1)).toString()))
                .when().post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");

        open("/claims/" + id);

        assertTrue(browser.findElement(By.cssSelector("blockquote.text")).getText().contains("<script>"));
        assertTrue(!browser.getTitle().contains("pwned"), browser.getTitle());
    }

    @Test
    void shouldListClaimsActorsAndRules() {
        open("/claims?status=CONTESTED");
        assertTrue(browser.findElement(By.cssSelector("table.list")).getText().contains("CONTESTED"));
        screenshot("claims");
        open("/actors");
        browser.findElement(By.linkText("Russia")).click();
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Russia launched air strikes"));
        screenshot("actor");
        open("/rules");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("ACTIVE"));
        screenshot("rules");
        ((JavascriptExecutor) browser).executeScript("window.resizeTo(390, 844)");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("/");
        screenshot("overview-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /** The policy read as the desk reads it: from a version's page to its table, the rows in the order they apply. */
    @Test
    void shouldShowTheActivePolicysOutlineWithItsRowsInOrder() {
        int active = Api.activeRulesetVersion();
        open("/rules/" + active);
        browser.findElement(By.id("outline-link")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/rules/" + active + "/outline"));
        List<String> statuses = browser.findElements(By.cssSelector("#outline-statuses tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("RETRACTED", "the verdict's own", "REFUTED", "REFUTED", "CONTESTED", "CONFIRMED",
                "CORROBORATED", "UNVERIFIED"), statuses);
        assertTrue(browser.findElement(By.id("outline-flags")).getText().contains("STALE"));
        screenshot("outline");
    }

    @Test
    void shouldShowADraftsProblemAtItsLineThenActivateAndRollBack() {
        int activeBefore = Api.activeRulesetVersion();
        signInInBrowser();

        open("/rules");
        WebElement status = browser.findElement(By.name("file:status.drl"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", status,
                "package io.claimtrack.policy;\nimport io.claimtrack.facts.*;\n\nrule \"broken\"\nwhen\n    $c : Claim( id == )\nthen\nend\n");
        browser.findElement(By.name("note")).sendKeys("a broken draft");
        browser.findElement(By.cssSelector("#new-draft button")).click();
        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("problem-status.drl-6")));
        assertTrue(problem.getText().contains("line 6"), problem.getText());
        assertTrue(browser.findElements(By.id("activate")).isEmpty(), "an invalid draft offers no activation");
        screenshot("rules-draft-problem");

        open("/rules");
        browser.findElement(By.name("note")).sendKeys("the same policy, activated from the page");
        browser.findElement(By.cssSelector("#new-draft button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("scenarios")));
        assertTrue(browser.findElement(By.id("validation")).getText().startsWith("Valid"));
        assertTrue(!browser.findElement(By.id("scenarios")).getText().contains("FAIL"));
        screenshot("rules-draft-valid");
        try {
            browser.findElement(By.cssSelector("#activate button")).click();
            WebElement done = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("ruleset-message")));
            assertTrue(done.getText().contains("activated"), done.getText());
        } finally {
            open("/rules/" + activeBefore);
            browser.findElement(By.cssSelector("#activate button")).click();
            WebElement rolledBack = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("ruleset-message")));
            assertTrue(rolledBack.getText().contains("rollback"), rolledBack.getText());
        }
        assertEquals(activeBefore, Api.activeRulesetVersion());
    }

    @Test
    void shouldRenderSwaggerUi() {
        open("/q/swagger-ui/");
        WebElement title = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector("h2.title")));
        assertTrue(title.getText().contains("claimtrack API"), title.getText());
    }

    /**
     * Signs the browser in unless it is already. The login page shows the form either way, and its header
     * says "signed in as" once an earlier test signed in: waiting for that text alone returned before the
     * sign-in's own navigation had finished, and the next page load raced it (the rules page then came up
     * as the landing page, without the draft editor). So wait for the form to go, then for the header.
     */
    private void signInInBrowser() {
        signInInBrowser(TestUsers.DESK);
    }

    private void signInInBrowser(String username) {
        signInInBrowser(username, TestUsers.PASSWORD);
    }

    private void signInInBrowser(String username, String password) {
        open("/login");
        if (!browser.findElements(By.cssSelector(".who")).isEmpty()) {
            if (browser.findElement(By.cssSelector(".who")).getText().endsWith(" " + username)) {
                return;
            }
            browser.manage().deleteAllCookies(); // another user: start a new session
            open("/login");
        }
        WebElement form = browser.findElement(By.cssSelector("form.stacked"));
        form.findElement(By.name("j_username")).sendKeys(username);
        form.findElement(By.name("j_password")).sendKeys(password);
        form.findElement(By.tagName("button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(gone(form));
        wait.until(d -> !d.findElements(By.cssSelector(".who")).isEmpty());
    }

    /**
     * A claim goes from submission to a published review through the pages alone, by two editors: the
     * first assigns it to herself, starts, rates it (the rules' suggestion preselected); the second, not the
     * rater, publishes; every step shows in the claim's history and the queue.
     */
    @Test
    void shouldTakeAClaimToAPublishedReviewThroughThePagesByTwoEditors() {
        TestUsers.ensure("page-editor-one", "EDITOR");
        TestUsers.ensure("page-editor-two", "EDITOR");
        long claim = Api.submit(Api.unique("Reviewed on pages"), clock.instant().minus(Duration.ofHours(1)).toString());
        try {
            signInInBrowser("page-editor-one");
            open("/claims/" + claim);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            assertTrue(browser.findElement(By.cssSelector(".why .standing-label")).getText()
                    .startsWith("dispute standing UNVERIFIED, derived by rule"));
            assertEquals("not reviewed by the desk", reviewLabel());
            // Evidence for the review, from the page: listed, and in the history.
            WebElement add = browser.findElement(By.cssSelector("form.evidence-add"));
            add.findElement(By.name("url")).sendKeys("https://ministry.example/strikes.csv");
            add.findElement(By.name("publisher")).sendKeys("Ministry of Defence");
            new org.openqa.selenium.support.ui.Select(add.findElement(By.name("kind"))).selectByValue("DATASET");
            add.findElement(By.name("forReview")).click();
            add.findElement(By.tagName("button")).click();
            wait.until(gone(add));
            String evidence = browser.findElement(By.cssSelector("ol.evidence-list")).getText();
            assertTrue(evidence.contains("DATASET") && evidence.contains("Ministry of Defence")
                    && evidence.contains("added by page-editor-one"), evidence);
            assertTrue(browser.findElement(By.cssSelector("ol.history")).getText()
                    .contains("page-editor-one added evidence for the review #"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("assignee")))
                    .selectByVisibleText("page-editor-one");
            submitStep("assign");
            wait.until(d -> reviewLabel().equals("desk review assigned to page-editor-one, not started"));
            submitStep("start");
            wait.until(d -> reviewLabel().equals("in review by page-editor-one at the desk"));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("rating"))).selectByValue("MIXED");
            browser.findElement(By.name("summary")).sendKeys("Partly right: the strikes hit other groups too.");
            submitStep("rate");
            wait.until(d -> reviewLabel().startsWith("rated MIXED by page-editor-one, ready to publish"));
            // The rater may not publish: the page says why and nothing changes.
            browser.findElement(By.name("url")).sendKeys("https://desk.example/checks/pages");
            submitStep("publish");
            wait.until(d -> !d.findElements(By.cssSelector(".review .error")).isEmpty());
            assertTrue(browser.findElement(By.cssSelector(".review .error")).getText().contains("a second editor is required"));
            screenshot("review-refused");

            signInInBrowser("page-editor-two");
            open("/claims/" + claim);
            browser.findElement(By.name("url")).sendKeys("https://desk.example/checks/pages");
            submitStep("publish");
            wait.until(d -> reviewLabel().startsWith("rated MIXED by the desk on "));
            assertTrue(reviewLabel().contains("published by page-editor-two"), reviewLabel());
            String history = browser.findElement(By.cssSelector("ol.history")).getText();
            for (String step : List.of("page-editor-one assigned the review to page-editor-one",
                    "page-editor-one started the review", "page-editor-one rated it MIXED",
                    "page-editor-two published the review (MIXED) at https://desk.example/checks/pages")) {
                assertTrue(history.contains(step), step + " in " + history);
            }
            screenshot("review-published");

            open("/reviews?state=PUBLISHED");
            assertTrue(browser.findElement(By.cssSelector("table.queue")).getText().contains("#" + claim));
            screenshot("review-queue");

            // Signing out ends the session: the next page is anonymous.
            browser.findElement(By.cssSelector("form.signout button")).click();
            wait.until(d -> !d.findElements(By.linkText("Sign in")).isEmpty());
            open("/claims/" + claim);
            assertTrue(browser.findElements(By.cssSelector(".who")).isEmpty(), "signed out");
            assertTrue(browser.findElements(By.cssSelector("form.review-step")).isEmpty(), "no review forms when signed out");
        } finally {
            browser.manage().deleteAllCookies(); // the other tests sign in as the desk member again
        }
    }

    /** An analyst gives and withdraws a verdict from the claim's page; dates read as dates, full instant on hover. */
    @Test
    void shouldGiveAndWithdrawAVerdictFromTheClaimsPage() {
        long claim = Api.submit(Api.unique("Judged on pages"), clock.instant().minus(Duration.ofHours(1)).toString());
        signInInBrowser();
        open("/claims/" + claim);
        WebElement said = browser.findElement(By.cssSelector("article.claim time"));
        assertTrue(said.getAttribute("title").endsWith("Z (UTC)"), said.getAttribute("title"));
        assertTrue(!said.getText().contains("T") || !said.getText().endsWith("Z"), "readable, not ISO: " + said.getText());

        WebElement give = browser.findElement(By.cssSelector("form.verdict-give"));
        new org.openqa.selenium.support.ui.Select(give.findElement(By.name("status"))).selectByValue("REFUTED");
        give.findElement(By.name("reason")).sendKeys("Satellite images show no strike there.");
        give.findElement(By.tagName("button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(gone(give));
        assertEquals("REFUTED", browser.findElement(By.cssSelector("[data-claim-status='" + claim + "']")).getText());
        assertTrue(browser.findElement(By.cssSelector("section.verdicts")).getText()
                .contains("REFUTED by desk on"), browser.findElement(By.cssSelector("section.verdicts")).getText());
        screenshot("verdict-given");

        WebElement withdraw = browser.findElement(By.cssSelector("form.verdict-withdraw"));
        withdraw.findElement(By.tagName("button")).click();
        wait.until(gone(withdraw));
        assertEquals("UNVERIFIED", browser.findElement(By.cssSelector("[data-claim-status='" + claim + "']")).getText());
        assertTrue(browser.findElement(By.cssSelector("section.verdicts")).getText().contains("withdrawn by desk"));

        // The one who recorded it corrects it from the page, with a reason; the history says so.
        WebElement correct = browser.findElement(By.cssSelector("form.correction"));
        correct.findElement(By.name("text")).sendKeys("Corrected on the page");
        correct.findElement(By.name("reason")).sendKeys("the wire copy had a typo");
        correct.findElement(By.tagName("button")).click();
        wait.until(gone(correct));
        assertEquals("Corrected on the page", browser.findElement(By.cssSelector("blockquote.text")).getText());
        assertTrue(browser.findElement(By.cssSelector("ol.history")).getText()
                .contains("desk corrected claim #" + claim + " (text): the wire copy had a typo"));
    }

    /**
     * An editor points a dispute at the right claim and merges a duplicate from the pages: the dispute's thread
     * moves, the duplicate's page then leads to the kept claim, and both histories tell it.
     */
    @Test
    void shouldCorrectARelationAndMergeADuplicateFromTheClaimsPage() {
        TestUsers.ensure("page-merger", "EDITOR", "SUBMITTER");
        String speaker = Api.actor(Api.unique("Merged on pages"), "STATE", Api.unique("bloc"));
        String other = Api.actor(Api.unique("Disputes on pages"), "STATE", Api.unique("bloc"));
        long kept = Api.submit(Api.claim(speaker, "The dam was breached", clock.instant().minus(Duration.ofHours(2)).toString()));
        long duplicate = Api.submit(Api.claim(speaker, "The dam was breached overnight",
                clock.instant().minus(Duration.ofMinutes(100)).toString()));
        long dispute = Api.relate(other, "disputes", kept, clock.instant().minus(Duration.ofMinutes(90)).toString());
        try {
            signInInBrowser("page-merger");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            // The dispute answered the duplicate, in truth: corrected from its page.
            open("/claims/" + dispute);
            WebElement correct = browser.findElement(By.cssSelector("form.correction"));
            new org.openqa.selenium.support.ui.Select(correct.findElement(By.name("relation"))).selectByValue("disputes");
            correct.findElement(By.name("target")).sendKeys("#" + duplicate);
            correct.findElement(By.name("reason")).sendKeys("it answered the overnight statement");
            correct.findElement(By.tagName("button")).click();
            wait.until(gone(correct));
            assertTrue(browser.findElement(By.cssSelector("ol.history")).getText()
                    .contains("corrected claim #" + dispute + " (relation): it answered the overnight statement"));
            open("/claims/" + duplicate); // the claimant's look-alike claim is offered for a merge
            assertTrue(browser.findElement(By.cssSelector("section.look-alikes")).getText().contains("#" + kept));

            // A refused merge says why, in its panel.
            open("/claims/" + duplicate);
            WebElement merge = browser.findElement(By.cssSelector("form.merge"));
            merge.findElement(By.name("into")).sendKeys("not a number");
            merge.findElement(By.name("reason")).sendKeys("same statement");
            merge.findElement(By.tagName("button")).click();
            wait.until(gone(merge));
            assertTrue(browser.findElement(By.cssSelector("section.merge .error")).getText().contains("must be a claim id"));

            merge = browser.findElement(By.cssSelector("form.merge"));
            merge.findElement(By.name("into")).clear();
            merge.findElement(By.name("into")).sendKeys(String.valueOf(kept));
            merge.findElement(By.name("reason")).clear();
            merge.findElement(By.name("reason")).sendKeys("same statement");
            merge.findElement(By.tagName("button")).click();
            wait.until(gone(merge));
            wait.until(d -> d.getCurrentUrl().contains("/claims/" + kept));
            assertTrue(browser.findElement(By.cssSelector("ol.history")).getText()
                    .contains("page-merger merged claim #" + duplicate + " into claim #" + kept + ": same statement"));
            assertEquals("CONTESTED", browser.findElement(By.cssSelector("[data-claim-status='" + kept + "']")).getText());
            screenshot("merged");
            open("/claims/" + duplicate);
            wait.until(d -> d.getCurrentUrl().endsWith("/claims/" + kept));
        } finally {
            browser.manage().deleteAllCookies(); // the other tests sign in as the desk member again
        }
    }

    /** An editor gives an actor an alias, corrects its blocs and merges a second registration, from its page. */
    @Test
    void shouldCorrectAliasAndMergeAnActorFromItsPage() {
        TestUsers.ensure("page-actor-editor", "EDITOR");
        String bloc = Api.unique("bloc");
        String speaker = Api.actor(Api.unique("Ministry on pages"), "STATE", bloc);
        String twice = Api.actor(Api.unique("Ministry twice"), "STATE", Api.unique("other bloc"));
        long claim = Api.submit(Api.claim(speaker, "The port was mined", clock.instant().minus(Duration.ofHours(2)).toString()));
        Api.relate(twice, "disputes", claim, clock.instant().minus(Duration.ofHours(1)).toString());
        long speakerId = given().when().get("/api/actors").then().extract().jsonPath()
                .getLong("find { it.name == '" + speaker + "' }.id");
        long twiceId = given().when().get("/api/actors").then().extract().jsonPath()
                .getLong("find { it.name == '" + twice + "' }.id");
        try {
            signInInBrowser("page-actor-editor");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            open("/actors/" + speakerId);
            WebElement alias = browser.findElement(By.cssSelector("form.actor-alias"));
            alias.findElement(By.name("alias")).sendKeys(twice); // another actor's name: refused, said in place
            alias.findElement(By.tagName("button")).click();
            wait.until(gone(alias));
            assertTrue(browser.findElement(By.cssSelector("section.actor-forms .error")).getText()
                    .contains("already names actor " + twice));

            alias = browser.findElement(By.cssSelector("form.actor-alias"));
            alias.findElement(By.name("alias")).clear();
            alias.findElement(By.name("alias")).sendKeys(speaker + " spokesperson");
            alias.findElement(By.tagName("button")).click();
            wait.until(gone(alias));
            assertTrue(browser.findElement(By.cssSelector(".aliases")).getText().contains(speaker + " spokesperson"));

            open("/actors/" + twiceId);
            WebElement merge = browser.findElement(By.cssSelector("form.actor-merge"));
            merge.findElement(By.name("into")).sendKeys(String.valueOf(speakerId));
            merge.findElement(By.name("reason")).sendKeys("registered twice");
            merge.findElement(By.tagName("button")).click();
            wait.until(gone(merge));
            assertTrue(browser.findElement(By.cssSelector(".merged")).getText().contains("Merged into"));
            assertTrue(browser.findElement(By.cssSelector("ol.history")).getText().contains("registered twice"));
            // The claim is now disputed by its own claimant: flagged, and no longer CONTESTED.
            open("/claims/" + claim);
            assertEquals("UNVERIFIED", browser.findElement(By.cssSelector("[data-claim-status='" + claim + "']")).getText());
            screenshot("actor-merged");
        } finally {
            browser.manage().deleteAllCookies(); // the other tests sign in as the desk member again
        }
    }

    /** The imports page follows a running import to its end without being reloaded. */
    @Test
    void shouldFollowARunningImportOnItsPageWithoutAReload() {
        String claimant = Api.actor(Api.unique("Imported state"), "STATE", Api.unique("bloc"));
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            ndjson.append("{\"type\":\"claim\",\"text\":\"Imported claim ").append(i).append("\",\"claimant\":\"")
                    .append(claimant).append("\",\"assertedAt\":\"2015-10-01T09:00:00Z\"}\n");
        }
        long job = given().contentType("application/x-ndjson").body(ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/imports").then().statusCode(202).extract().jsonPath().getLong("id");
        open("/imports");
        By section = By.cssSelector("section.import[data-import='" + job + "']");
        // The page swaps its list in place every second: an element found may be replaced before it is read.
        String stateAtLoad = new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(section).getAttribute("data-state"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.claimtrackSamePage = true;");
        assertTrue(!"DONE".equals(stateAtLoad), "the import was still running when the page was opened: " + stateAtLoad);
        String shown = new WebDriverWait(browser, Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "DONE".equals(d.findElement(section).getAttribute("data-state")) ? d.findElement(section).getText() : null);
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.claimtrackSamePage === true;"), "followed without a reload");
        assertTrue(shown.contains("4000 of 4000 lines") && shown.contains("4000 stored"), shown);
        screenshot("imports");
    }

    /** An admin subscribes a webhook from the page, sees its deliveries logged there, and disables it. */
    @Test
    void shouldSubscribeAWebhookSeeItsDeliveriesAndDisableIt() throws Exception {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            signInInBrowser(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            open("/webhooks");
            WebElement add = browser.findElement(By.cssSelector("form.webhook-add"));
            add.findElement(By.name("url")).sendKeys("ftp://127.0.0.1/hook");
            add.findElement(By.name("secret")).sendKeys("a-secret-for-the-page-test");
            add.findElement(By.cssSelector("input[value='CLAIM_SUBMITTED']")).click();
            add.findElement(By.tagName("button")).click();
            wait.until(gone(add));
            assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("http or https"));

            add = browser.findElement(By.cssSelector("form.webhook-add"));
            add.findElement(By.name("url")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            add.findElement(By.name("secret")).sendKeys("a-secret-for-the-page-test");
            add.findElement(By.cssSelector("input[value='CLAIM_SUBMITTED']")).click();
            add.findElement(By.tagName("button")).click();
            wait.until(gone(add));
            List<WebElement> sections = browser.findElements(By.cssSelector("section.webhook"));
            String id = sections.get(sections.size() - 1).getAttribute("data-webhook");

            long claim = Api.submit(Api.unique("Hooked on pages"), clock.instant().minus(Duration.ofHours(1)).toString());
            wait.until(d -> {
                open("/webhooks");
                return d.findElement(By.cssSelector("section.webhook[data-webhook='" + id + "'] table.deliveries"))
                        .getText().contains("#" + claim);
            });
            screenshot("webhooks");
            WebElement disable = browser.findElement(By.cssSelector("section.webhook[data-webhook='" + id + "'] form.webhook-disable"));
            disable.findElement(By.tagName("button")).click();
            wait.until(gone(disable));
            assertTrue(browser.findElement(By.cssSelector("section.webhook[data-webhook='" + id + "']")).getText()
                    .contains("disabled by " + TestUsers.ADMIN));
        } finally {
            receiver.stop(0);
            browser.manage().deleteAllCookies(); // the other tests sign in as the desk member again
        }
    }

    /**
     * The element's page was replaced (a form posted, a redirect followed). While the new document loads,
     * ChromeDriver may answer "node does not belong to the document" rather than "stale element": both mean gone.
     */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    private String reviewLabel() {
        return browser.findElement(By.cssSelector("[data-review-label]")).getText();
    }

    private void submitStep(String action) {
        WebElement form = browser.findElement(By.cssSelector("form[action$='/review/" + action + "']"));
        form.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(gone(form));
    }

    private long russiaClaim() {
        return given().queryParam("claimant", "Russia").queryParam("q", "air strikes against Islamic State")
                .when().get("/api/claims").then().extract().jsonPath().getLong("items[0].id");
    }

    private static void actor(String name, String bloc) {
        Api.actor(name, "STATE", bloc);
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private static void screenshot(String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
