package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSF pages, driven as a browser would: GET the form, POST it back with its view state. */
class RegistrationPageIT extends InContainerTest {

    FacesBrowser browser;

    @BeforeEach
    void openBrowser() {
        // Followed as a browser does: a registration answers with a redirect to its confirmation.
        browser = new FacesBrowser(URI.create(base.toString()));
    }

    @Test
    void invalidInputShowsAMessagePerFieldAndStoresNothing() {
        var page = submit("not-an-address", "", false);

        assertThat(page).contains("Not a valid e-mail address").contains("Given name is required");
        assertThat(page).doesNotContain("You are registered");
        assertThat(tables.customersWithEmail("not-an-address")).isZero();
    }

    @Test
    void registrationConfirmsInCustomerWordsAndTheContactAppears() {
        var email = Api.uniqueEmail("faces");

        var page = submit(email, "Faces", true);

        assertThat(page).contains("You are registered as").contains(email).contains("Faces User");
        assertThat(Jsoup.parse(page).select("main").text())
                .as("no internal ids for a customer")
                .doesNotContainIgnoringCase("correlation");
        // Operators find the flow's correlation id on the customers page, next to the address.
        var row = Jsoup.parse(get("customers.xhtml", "staff"))
                .select("table#customers tr:has(td:containsOwn(" + email + "))");
        assertThat(row).as("the customer's row").hasSize(1);
        var correlationId = UUID.fromString(row.select("code").text());
        assertThat(tables.customersOfFlow(correlationId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("marketing/contacts.xhtml", "marketing").contains(email));
        assertThat(tables.contactByEmail(email)).isEqualTo(new Tables.StoredContact("Faces User", true));
    }

    @Test
    void aReloadAfterRegisteringShowsTheConfirmationAgainAndRegistersNothingMore() {
        var email = Api.uniqueEmail("reload");
        submit(email, "Reload", false);
        var confirmation = browser.lastPage;

        assertThat(confirmation.getQuery()).as("redirected to a confirmation").contains("welcome=");
        var again = browser.reload();
        assertThat(again).contains("You are registered as").contains(email).doesNotContain("already registered");
        assertThat(tables.customersWithEmail(email)).isEqualTo(1);

        var altered = get("register.xhtml?welcome=" + "A".repeat(60));
        assertThat(altered).contains("no longer shown").doesNotContain("You are registered as");
    }

    @Test
    void duplicateAddressIsReportedOnTheEmailField() {
        var email = Api.uniqueEmail("twice");
        assertThat(submit(email, "First", false)).contains("You are registered");

        var page = submit(email, "Second", false);

        assertThat(page).contains("This e-mail address is already registered.").doesNotContain("You are registered");
        assertThat(tables.customersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void theNameRuleHoldsOnThePageAsInTheApi() {
        var email = Api.uniqueEmail("names");

        assertThat(submit(email, "\u202Eecila", false))
                .contains("Given name contains bidirectional override or isolate characters")
                .doesNotContain("You are registered");
        assertThat(submit(email, "\uD83D\uDE80", false)).contains("Given name must contain at least one letter");
        assertThat(tables.customersWithEmail(email)).isZero();
        assertThat(submit(email, "\u00A0Jose\u0301", false))
                .contains("José User")
                .contains("You are registered");
    }

    @Test
    void pagesRenderWithoutErrors() {
        assertThat(get("")).contains("Switchboard").doesNotContain("Something went wrong");
        assertThat(get("register.xhtml")).contains("Switchboard").doesNotContain("Something went wrong");
        assertThat(get("customers.xhtml", "staff")).contains("Switchboard").doesNotContain("Something went wrong");
        assertThat(get("marketing/contacts.xhtml", "marketing"))
                .contains("Switchboard")
                .doesNotContain("Something went wrong");
    }

    /**
     * The registration form is stateless (it needs no session), so only a view state the server
     * does not hold can expire it: the id of a server-side view whose session ended, or one that
     * never was ours.
     */
    @Test
    void aFormPostedWithAViewStateTheServerDoesNotHoldSaysSoAndStoresNothing() throws Exception {
        var email = Api.uniqueEmail("expired");
        // Another browser, without the session such a view state would belong to: as if it had timed out.
        var stranger = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var fields = new LinkedHashMap<String, String>();
        fields.put("registration", "registration");
        fields.put("registration:email", email);
        fields.put("registration:givenName", "Late");
        fields.put("registration:familyName", "Comer");
        fields.put("registration:register", "Register");
        fields.put("jakarta.faces.ViewState", "-4211603961431436042:-5826214340713925917");
        var response = stranger.send(
                HttpRequest.newBuilder(browser.uri("register.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(FacesBrowser.encode(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().getPath()).isEqualTo("/expired");
        assertThat(response.body()).contains("This page had expired").doesNotContain("Exception");
        assertThat(Jsoup.parse(response.body()).select("#site-nav a").eachText())
                .as("the expired page is in the site's layout")
                .contains("Register", "Order", "API docs");
        assertThat(tables.customersWithEmail(email)).isZero();
    }

    /** Submits given name {@code given} and family name "User", ticking the consent box if asked. */
    private String submit(String email, String given, boolean consent) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("registration:email", email);
        fields.put("registration:givenName", given);
        fields.put("registration:familyName", given.isEmpty() ? "" : "User");
        if (consent) {
            fields.put("registration:marketingConsent", "on");
        }
        fields.put("registration:register", "Register");
        return browser.submit("register.xhtml", "registration", fields);
    }

    private String get(String path) {
        return browser.get(path);
    }

    private String get(String path, String user) {
        return browser.get(path, user);
    }
}
