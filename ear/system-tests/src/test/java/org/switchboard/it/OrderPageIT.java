package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order page, driven as a browser would: a registered customer places an order with the form,
 * is redirected to the order's own address, and a reload there shows its progress until it is
 * confirmed; a wrong address or quantity is a message on its field, and nothing is ordered.
 */
class OrderPageIT extends InContainerTest {

    FacesBrowser browser;
    String email;

    @BeforeEach
    void aRegisteredCustomer() {
        browser = new FacesBrowser(URI.create(base.toString()));
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

        assertThat(browser.lastPage.getQuery())
                .as("redirected to the order's own address")
                .startsWith("id=");
        assertThat(Jsoup.parse(page).select("#progress h2").text()).startsWith("Your order is");
        await("a reload shows the order confirmed, step by step")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Jsoup.parse(browser.reload())
                        .select("#progress h2")
                        .text()
                        .equals("Your order is CONFIRMED"));
        var confirmed = Jsoup.parse(browser.reload());
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
        var page = Jsoup.parse(browser.get("orders.xhtml?id=" + UUID.randomUUID()));

        assertThat(page.select("main").text()).contains("There is no such order");
    }

    private String submit(String address, String sku, String quantity, boolean express) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("order:email", address);
        fields.put("order:sku", sku);
        fields.put("order:quantity", quantity);
        if (express) {
            fields.put("order:express", "on");
        }
        fields.put("order:place", "Place order");
        return browser.submit("orders.xhtml", "order", fields);
    }
}
