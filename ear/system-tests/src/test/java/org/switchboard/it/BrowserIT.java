package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.switchboard.devserver.BrokerIdentities;

/**
 * The pages in a real browser (headless Chromium, see {@link Chromium}), as people use them: at
 * 1280 px and at 375 px (a phone), each page photographed into target/screenshots/ and checked with
 * axe-core, and never wider than the screen. One browser for the whole class.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class BrowserIT {

    private static final List<Integer> WIDTHS = List.of(Chromium.DESKTOP, Chromium.PHONE);
    private static Chromium chromium;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void noBrowserYet() {
        chromium = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Chromium browser() {
        if (chromium == null) {
            chromium = new Chromium(base);
        }
        return chromium.as(null).at(Chromium.DESKTOP);
    }

    @Test
    void registerShowsErrorsConfirmsSurvivesAReloadAndRefusesADuplicate() {
        var browser = browser();
        var email = Api.uniqueEmail("browser");
        // One long valid name: it must wrap, not widen the pages that show it.
        var given = "Maximiliana" + "x".repeat(60);

        browser.open("register.xhtml");
        everyWidth(browser, "register");

        // The browser itself refuses an address without @ (type=email); the server says what else is wrong.
        browser.open("register.xhtml");
        submit(browser, email, "", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> text(browser).contains("Given name is required"));
        assertThat(text(browser)).doesNotContain("You are registered as");
        everyWidth(browser, "register-invalid");

        browser.open("register.xhtml");
        submit(browser, email, given, "Lovelace");
        await().atMost(Duration.ofSeconds(15)).until(() -> text(browser).contains("You are registered as"));
        assertThat(text(browser))
                .contains(email)
                .contains(given + " Lovelace")
                .as("no internal ids for a customer")
                .doesNotContainIgnoringCase("correlation");
        var confirmation = browser.driver().getCurrentUrl();
        assertThat(confirmation).as("redirected after the post").contains("welcome=");

        browser.driver().navigate().refresh();
        assertThat(text(browser))
                .as("a reload shows the confirmation again")
                .contains("You are registered as")
                .doesNotContain("already registered");
        everyWidth(browser, "register-confirmation");

        browser.open("register.xhtml");
        submit(browser, email, "Again", "");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> text(browser).contains("This e-mail address is already registered."));
        assertThat(text(browser)).doesNotContain("You are registered as");
        everyWidth(browser, "register-duplicate");

        browser.as("staff");
        browser.open("customers.xhtml");
        everyWidth(browser, "customers");
        assertThat(text(browser)).contains(email);

        browser.as("marketing");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> text(browser.open("marketing/contacts.xhtml")).contains(email));
        everyWidth(browser, "marketing-contacts");
    }

    @Test
    void theNavigationFoldsOnAPhoneAndOpensWithItsButton() {
        var browser = browser().at(Chromium.PHONE);
        browser.open("");
        var menu = browser.driver().findElement(By.cssSelector("header.site button.menu"));
        var register = browser.driver().findElement(By.cssSelector("#site-nav a"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(register.isDisplayed()).as("links folded away").isFalse();

        menu.click();

        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(register.isDisplayed()).isTrue();
        browser.check("navigation-open");

        browser.at(Chromium.DESKTOP).open("");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("header.site button.menu"))
                        .isDisplayed())
                .isFalse();
        assertThat(browser.driver().findElement(By.cssSelector("#site-nav a")).isDisplayed())
                .isTrue();
        browser.open("");
        everyWidth(browser, "home");
    }

    @Test
    void operationsPagesShowEachRoleWhatItMayDo() throws Exception {
        var browser = browser();

        browser.as("viewer");
        browser.open("ops/queues.xhtml");
        everyWidth(browser, "queues");
        assertThat(text(browser)).contains("marketing.commands").contains("Dead letters");
        assertThat(browser.driver().findElements(By.cssSelector("meta[http-equiv=refresh]")))
                .as("no page that reloads itself")
                .isEmpty();
        browser.open("ops/sagas.xhtml");
        everyWidth(browser, "sagas");
        assertThat(browser.driver().findElements(By.cssSelector("svg")))
                .as("the saga's definition drawn")
                .isNotEmpty();
        browser.open("ops/dead-letters.xhtml");
        everyWidth(browser, "dead-letters-viewer");
        assertThat(browser.driver().findElements(By.cssSelector("textarea")))
                .as("a viewer requests and decides nothing")
                .isEmpty();

        browser.as("customer");
        browser.open("ops/queues.xhtml");
        assertThat(browser.driver().getTitle()).contains("Not for your user");
        everyWidth(browser, "forbidden");

        // A browser asked to log in shows its own dialog (headless Chromium: nothing); what it gets behind it is a
        // page.
        var login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.toURI().resolve("ops/queues.xhtml"))
                                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(Jsoup.parse(login.body()).title()).contains("Please log in");

        browser.as(null);
        browser.open("no-such-page.xhtml");
        everyWidth(browser, "no-such-page");
        assertThat(browser.driver().getTitle()).contains("Not found");

        browser.open("expired");
        everyWidth(browser, "expired");
        assertThat(browser.driver().getTitle()).contains("This page had expired");
    }

    @Test
    void aDeadLetterIsRequestedByAnOperatorAndApprovedByAnother() throws Exception {
        var correlationId = UUID.randomUUID();
        try (var jms = Outside.broker(base, BrokerIdentities.PARTNER, BrokerIdentities.PARTNER_PASSWORD)) {
            jms.createProducer()
                    .send(
                            jms.createQueue("partner.inbound"),
                            InvalidMessagesIT.raw(
                                    jms,
                                    "marketing.CreateCustomer",
                                    1,
                                    UUID.randomUUID(),
                                    correlationId,
                                    "{\"email\": unreadable"));
        }
        var browser = browser().as("operator");
        var row = By.xpath("//table[contains(@id,'letters')]//tr[.//code[normalize-space()='" + correlationId + "']]");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.open("ops/dead-letters.xhtml")
                        .driver()
                        .findElements(row)
                        .isEmpty());
        everyWidth(browser, "dead-letters-operator");

        var letter = browser.driver().findElement(row);
        var why = "Unreadable partner message, checked in the browser " + correlationId;
        letter.findElement(By.tagName("textarea")).sendKeys(why);
        letter.findElement(By.cssSelector("input[value='Request deletion']")).click();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> feedback(browser, "info").contains("requested"));
        var requestId = Pattern.compile("request ([0-9a-f-]{36})")
                .matcher(feedback(browser, "info"))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);

        browser.as("approver");
        var request = By.xpath("//table[@id='requests']//tr[.//code[normalize-space()='" + requestId + "']]");
        browser.open("ops/dead-letters.xhtml");
        everyWidth(browser, "dead-letters-approver");
        var pending = browser.driver().findElement(request);
        pending.findElement(By.tagName("textarea")).sendKeys("Checked in the browser: nothing to keep");
        pending.findElement(By.cssSelector("input[value='Approve']")).click();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> feedback(browser, "info").contains("Request " + requestId + " approved"));
        assertThat(feedback(browser, "error")).isEmpty();
    }

    @Test
    void aRegistrationsJourneyIsATimeline() throws Exception {
        var correlationId = UUID.randomUUID();
        var registered = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.toURI().resolve("api/customers"))
                                .header("Content-Type", "application/json")
                                .header("X-Correlation-ID", correlationId.toString())
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"email\":\""
                                                        + Api.uniqueEmail("journey-browser")
                                                        + "\",\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"marketingConsent\":true}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);
        var browser = browser().as("viewer");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> text(browser.open("ops/journey.xhtml?correlationId=" + correlationId))
                        .contains(": DONE"));
        assertThat(browser.driver().findElements(By.cssSelector("ol.timeline > li")))
                .hasSizeGreaterThanOrEqualTo(2);
        everyWidth(browser, "journey");
    }

    @Test
    void theApiDocsAreBrowsable() {
        var browser = browser();
        browser.open("");
        browser.driver().findElement(By.linkText("API docs")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.driver()
                        .findElements(By.cssSelector("#swagger-ui .opblock"))
                        .isEmpty());
        assertThat(text(browser)).contains("/api/customers");
        for (var width : WIDTHS) {
            // Swagger UI puts its copy button inside each operation's toggle button: its markup, not ours.
            browser.at(width).check("api-docs", List.of("nested-interactive"));
        }
        browser.at(Chromium.DESKTOP);
    }

    /** The page as it is, at each width in turn (the same document, laid out again), checked and photographed. */
    private static void everyWidth(Chromium browser, String name) {
        for (var width : WIDTHS) {
            browser.at(width).check(name);
        }
        browser.at(Chromium.DESKTOP);
    }

    private static void submit(Chromium browser, String email, String given, String family) {
        var driver = browser.driver();
        type(driver.findElement(By.id("registration:email")), email);
        type(driver.findElement(By.id("registration:givenName")), given);
        type(driver.findElement(By.id("registration:familyName")), family);
        driver.findElement(By.id("registration:register")).click();
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static String text(Chromium browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private static String feedback(Chromium browser, String severity) {
        return String.join(
                "\n",
                browser.driver().findElements(By.cssSelector("ul.feedback li." + severity)).stream()
                        .map(WebElement::getText)
                        .toList());
    }
}
