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
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order page, driven as a browser would: a registered customer places an order with the form,
 * is redirected to the order's own address, and a reload there shows its progress until it is
 * confirmed; a wrong address or quantity is a message on its field, and nothing is ordered.
 */
class OrderPageIT extends InContainerTest {

    HttpClient browser;
    URI lastPage;
    String email;

    @BeforeEach
    void aRegisteredCustomer() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        email = Api.uniqueEmail("orderpage");
        var registered = api.register(email, "Page", "Customer", false, UUID.randomUUID());
        assertThat(registered.status()).isEqualTo(201);
        var customerId = UUID.fromString(registered.json().getString("id"));
        await("Ordering learns the customer")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        tables.count("select count(*) from ordering.customer where customer_id = ?", customerId) == 1);
    }

    @Test
    void anOrderPlacedOnThePageIsFollowedToItsConfirmation() {
        var page = submit(email, "TEA-SENCHA-100", "2", true);

        assertThat(lastPage.getQuery())
                .as("redirected to the order's own address")
                .startsWith("order=");
        assertThat(Jsoup.parse(page).select("#progress h2").text()).startsWith("Your order is");
        await("a reload shows the order confirmed, step by step")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Jsoup.parse(get(lastPage.getPath().substring(1) + "?" + lastPage.getQuery()))
                        .select("#progress h2")
                        .text()
                        .equals("Your order is CONFIRMED"));
        var confirmed = Jsoup.parse(get(lastPage.getPath().substring(1) + "?" + lastPage.getQuery()));
        assertThat(confirmed.select("table.steps tbody tr")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(confirmed.select("#progress").text()).contains("express");
    }

    @Test
    void anUnknownAddressAndABadQuantityAreMessagesOnTheirFields() {
        var unknown = Jsoup.parse(submit("nobody-" + UUID.randomUUID() + "@example.org", "TEA-SENCHA-100", "1", false));
        assertThat(unknown.select("form#order").text()).contains("No customer with this e-mail address");

        var tooMany = Jsoup.parse(submit(email, "TEA-SENCHA-100", "100000", false));
        assertThat(tooMany.select("form#order").text()).contains("1 to 1000");

        assertThat(tables.count(
                        "select count(*) from ordering.purchase_order o join ordering.customer c"
                                + " on c.customer_id = o.customer_id where c.email = ?",
                        email))
                .isZero();
    }

    @Test
    void anOrderAddressThatNamesNoOrderSaysSo() {
        var page = Jsoup.parse(get("orders.xhtml?order=" + UUID.randomUUID()));

        assertThat(page.select("main").text()).contains("There is no such order");
    }

    private String submit(String address, String sku, String quantity, boolean express) {
        var viewState = Jsoup.parse(get("orders.xhtml"))
                .select("form#order input[name=jakarta.faces.ViewState]")
                .val();
        assertThat(viewState).as("view state in the form").isNotEmpty();
        var fields = new LinkedHashMap<String, String>();
        fields.put("order", "order");
        fields.put("order:email", address);
        fields.put("order:sku", sku);
        fields.put("order:quantity", quantity);
        if (express) {
            fields.put("order:express", "on");
        }
        fields.put("order:place", "Place order");
        fields.put("jakarta.faces.ViewState", viewState);
        return send(HttpRequest.newBuilder(uri("orders.xhtml"))
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
            lastPage = response.uri();
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
