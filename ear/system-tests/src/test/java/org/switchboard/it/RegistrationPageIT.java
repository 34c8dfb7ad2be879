package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSF pages, driven as a browser would: GET the form, POST it back with its view state. */
class RegistrationPageIT extends InContainerTest {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    HttpClient browser;

    @BeforeEach
    void openBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @Test
    void invalidInputShowsAMessagePerFieldAndStoresNothing() {
        var page = submit("not-an-address", "", false);

        assertThat(page).contains("Not a valid e-mail address").contains("Given name is required");
        assertThat(page).doesNotContain("You are registered");
        assertThat(tables.customersWithEmail("not-an-address")).isZero();
    }

    @Test
    void registrationConfirmsWithTheCorrelationIdAndTheContactAppears() {
        var email = Api.uniqueEmail("faces");

        var page = submit(email, "Faces", true);

        assertThat(page).contains("You are registered as").contains(email).contains("Faces User");
        var correlation =
                Pattern.compile("id=\"correlation-id\">([0-9a-f-]{36})<").matcher(page);
        assertThat(correlation.find()).as("correlation id on the confirmation").isTrue();
        assertThat(get("customers.xhtml")).contains(email).contains(correlation.group(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("marketing/contacts.xhtml").contains(email));
        assertThat(tables.contactByEmail(email)).isEqualTo(new Tables.StoredContact("Faces User", true));
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
        for (var path : new String[] {"", "register.xhtml", "customers.xhtml", "marketing/contacts.xhtml"}) {
            assertThat(get(path)).as(path).contains("Switchboard").doesNotContain("Something went wrong");
        }
    }

    @Test
    void aFormPostedAfterItsSessionEndedSaysSoAndStoresNothing() throws Exception {
        var email = Api.uniqueEmail("expired");
        var form = get("register.xhtml");
        var viewState = VIEW_STATE.matcher(form);
        assertThat(viewState.find()).isTrue();
        // Another browser, without the session the view state belongs to: as if it had timed out.
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
        fields.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        var response = stranger.send(
                HttpRequest.newBuilder(uri("register.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().getPath()).isEqualTo("/expired.html");
        assertThat(response.body()).contains("This page had expired").doesNotContain("Exception");
        assertThat(tables.customersWithEmail(email)).isZero();
    }

    /** Submits given name {@code given} and family name "User", ticking the consent box if asked. */
    private String submit(String email, String given, boolean consent) {
        var form = get("register.xhtml");
        var viewState = VIEW_STATE.matcher(form);
        assertThat(viewState.find()).as("view state in the form").isTrue();
        var fields = new LinkedHashMap<String, String>();
        fields.put("registration", "registration");
        fields.put("registration:email", email);
        fields.put("registration:givenName", given);
        fields.put("registration:familyName", given.isEmpty() ? "" : "User");
        if (consent) {
            fields.put("registration:marketingConsent", "on");
        }
        fields.put("registration:register", "Register");
        fields.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        return send(HttpRequest.newBuilder(uri("register.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
                .build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            var response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
