package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Listings say how many there are and where the next page is (X-Total-Count, Link rel=next), so a
 * client walks all of them and never takes a full page for the end; paging parameters that are not
 * whole numbers in range are 400 problems, not 404s and not silent defaults. The pages show the
 * count and the way on.
 */
class ListingPagingIT extends InContainerTest {

    private static final List<String> LISTINGS = List.of("api/customers", "api/marketing/contacts");

    /** More than a page of the pages (100) and of the largest API page (200) would need many more. */
    private static final int AT_LEAST = 130;

    @Test
    void pagingParametersThatAreNotWholeNumbersInRangeAre400Problems() {
        var table = new RequestTable("Paging parameters");
        var hostile = List.of(
                "offset=abc",
                "offset=-1",
                "offset=1e3",
                "offset=1.5",
                "offset=%2B1",
                "offset=%201",
                "offset=0x10",
                "offset=99999999999999999999",
                "offset=2147483648",
                "offset=",
                "limit=abc",
                "limit=-1",
                "limit=0",
                "limit=1e3",
                "limit=201",
                "limit=99999999999999999999",
                "limit=",
                "offset=0&limit=NaN");
        for (var listing : LISTINGS) {
            var user = listing.contains("marketing") ? "marketing" : "staff";
            for (var query : hostile) {
                var reply = api.as(user).get(listing + "?" + query);
                table.expect(listing + "?" + query, reply.status(), 400);
                if (reply.status() == 400) {
                    assertThat(reply.contentType()).as(query).startsWith("application/problem+json");
                    assertThat(reply.json().getInt("status")).isEqualTo(400);
                    assertThat(reply.body())
                            .as(query)
                            .doesNotContain("RESTEASY")
                            .doesNotContain("Exception");
                }
            }
            table.expect(
                    listing + "?offset=0&limit=1",
                    api.as(user).get(listing + "?offset=0&limit=1").status(),
                    200);
            table.expect(
                    listing + "?limit=200",
                    api.as(user).get(listing + "?limit=200").status(),
                    200);
            table.expect(
                    listing + "?offset=2147483647",
                    api.as(user).get(listing + "?offset=2147483647").status(),
                    200);
        }
        var notAUuid = api.as("marketing").get("api/marketing/contacts?customerId=not-a-uuid");
        table.expect("api/marketing/contacts?customerId=not-a-uuid", notAUuid.status(), 400);
        table.verify();
    }

    @Test
    void aListingOfMoreThanAHundredSaysHowManyAndWhereTheNextPageIs() {
        registerUntilThereAreAtLeast(AT_LEAST);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> total(api.as("marketing").get("api/marketing/contacts?limit=1")) >= AT_LEAST);

        for (var listing : LISTINGS) {
            var user = listing.contains("marketing") ? "marketing" : "staff";
            var first = api.as(user).get(listing + "?limit=100");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.array()).hasSize(100);
            var total = total(first);
            assertThat(total).as(listing).isGreaterThanOrEqualTo(AT_LEAST);
            assertThat(first.header("Link"))
                    .as(listing)
                    .contains("rel=\"next\"")
                    .doesNotContain("rel=\"prev\"");

            // Walk the whole listing by its next links: every item once, as many as the total said.
            var seen = new HashSet<String>();
            var page = first;
            var pages = 0;
            while (true) {
                pages++;
                page.array().getValuesAs(jakarta.json.JsonObject.class).forEach(o -> seen.add(o.getString("id")));
                var next = next(page);
                if (next == null) {
                    break;
                }
                page = api.as(user).get(next);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.header("Link")).contains("rel=\"prev\"");
            }
            assertThat(seen).as(listing).hasSizeGreaterThanOrEqualTo((int) total);
            assertThat(pages).as(listing).isGreaterThanOrEqualTo(2);

            var byDefault = api.as(user).get(listing);
            assertThat(byDefault.array()).as("default page size").hasSize(50);
            assertThat(next(byDefault)).contains("offset=50").contains("limit=50");
        }
    }

    @Test
    void thePagesShowTheCountAndTheWayToTheNextPage() {
        registerUntilThereAreAtLeast(AT_LEAST);
        var total = total(api.as("staff").get("api/customers?limit=1"));

        var first = Jsoup.parse(api.as("staff").get("customers.xhtml").body());
        assertThat(first.select(".paging .count").text()).startsWith("1–100 of");
        assertThat(Long.parseLong(first.select(".paging .total").text())).isGreaterThanOrEqualTo(total);
        assertThat(first.select("#customers tbody tr")).hasSize(100);
        var next = first.select(".paging a[rel=next]").attr("href");
        assertThat(next).isEqualTo("?offset=100");

        var second = Jsoup.parse(api.as("staff").get("customers.xhtml" + next).body());
        assertThat(second.select(".paging .count").text()).startsWith("101–");
        assertThat(second.select(".paging a[rel=prev]").attr("href")).isEqualTo("?offset=0");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> Jsoup.parse(api.as("marketing")
                                .get("marketing/contacts.xhtml")
                                .body())
                        .select(".paging a[rel=next]")
                        .hasAttr("href"));
    }

    private void registerUntilThereAreAtLeast(int count) {
        var missing = count - total(api.as("staff").get("api/customers?limit=1"));
        for (var i = 0; i < missing; i++) {
            assertThat(api.register(Api.uniqueEmail("paging"), "Page", "Turner", i % 2 == 0, null)
                            .status())
                    .isEqualTo(201);
        }
    }

    private static long total(Api.Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        return Long.parseLong(reply.header("X-Total-Count"));
    }

    /** The target of the Link header's rel="next", or null. */
    private static String next(Api.Reply reply) {
        var links = reply.headers().allValues("Link");
        return links.stream()
                .flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .filter(l -> l.contains("rel=\"next\""))
                .map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>')))
                .findFirst()
                .orElse(null);
    }
}
