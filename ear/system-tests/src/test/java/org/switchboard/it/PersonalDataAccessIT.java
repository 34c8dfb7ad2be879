package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customers and contacts are personal data: each URL that shows them, in the API and as a page,
 * asked anonymously, with a wrong password, with a role that does not fit and with one that does.
 * Staff (and operators) see the Web Store's customers, Marketing (and operators) its contacts;
 * registering stays open to anyone.
 */
class PersonalDataAccessIT extends InContainerTest {

    /** Who asks: a demo user, or nobody (null). */
    private record Ask(String method, String path, String user, int expected) {}

    private static final List<String> NOT_STAFF = List.of("customer", "viewer", "approver", "marketing");
    private static final List<String> NOT_MARKETING = List.of("customer", "viewer", "approver", "staff");

    @Test
    void onlyTheRolesThatFitSeeCustomersAndContacts() {
        var registered = api.register(Api.uniqueEmail("pd"), "Personal", "Data", true, null);
        assertThat(registered.status()).isEqualTo(201);
        var customerId = registered.json().getString("id");

        var asks = new ArrayList<Ask>();
        for (var path : List.of("api/customers", "api/customers/" + customerId, "customers.xhtml")) {
            table(asks, path, NOT_STAFF, List.of("staff", "operator"));
        }
        for (var path : List.of(
                "api/marketing/contacts",
                "api/marketing/contacts?customerId=" + customerId,
                "marketing/contacts.xhtml")) {
            table(asks, path, NOT_MARKETING, List.of("marketing", "operator"));
        }
        // Every method but POST on the listing, and every method on a customer, needs the login first.
        for (var method : List.of("HEAD", "PUT", "DELETE", "PATCH")) {
            asks.add(new Ask(method, "api/customers", null, 401));
            asks.add(new Ask(method, "api/customers/" + customerId, null, 401));
            asks.add(new Ask(method, "api/marketing/contacts", null, 401));
        }
        // Registering needs no login.
        asks.add(new Ask("GET", "register.xhtml", null, 200));
        asks.add(new Ask("GET", "", null, 200));

        var table = new RequestTable("Personal data access");
        for (var ask : asks) {
            var caller = ask.user() == null ? api : api.as(ask.user());
            var reply = "GET".equals(ask.method()) ? caller.get(ask.path()) : caller.request(ask.method(), ask.path());
            table.expect(ask.method() + " /" + ask.path() + " as " + ask.user(), reply.status(), ask.expected());
            if (ask.path().startsWith("api/") && reply.status() >= 400 && !"HEAD".equals(ask.method())) {
                assertThat(reply.contentType()).as(ask.toString()).startsWith("application/problem+json");
                assertThat(reply.body()).as(ask.toString()).contains("\"status\":" + reply.status());
            }
            if (reply.status() == 401) {
                assertThat(reply.header("WWW-Authenticate")).as(ask.toString()).startsWith("Basic");
            }
            if (reply.status() >= 400) {
                assertThat(reply.body()).as(ask.toString()).doesNotContain("@example.org");
            }
        }
        table.verify();
    }

    /**
     * From an address of its own: the suite shares one deployment (SharedDeployment), and with it the
     * login throttle's count of wrong passwords per address (LoginAbuseIT).
     */
    @Test
    void aWrongPasswordIsNotALogin() {
        var table = new RequestTable("Wrong passwords");
        for (var user : List.of("staff", "marketing", "operator")) {
            for (var path : List.of("/api/customers", "/api/marketing/contacts", "/customers.xhtml")) {
                table.expect(
                        path + " as " + user,
                        RawHttp.get(base, "127.0.0.4", path, RawHttp.basic(user, "guessed"))
                                .status(),
                        401);
            }
        }
        table.verify();
    }

    @Test
    void registeringNeedsNoLogin() {
        var reply = api.register(Api.uniqueEmail("open"), "Anyone", null, false, UUID.randomUUID());
        assertThat(reply.status()).isEqualTo(201);
    }

    /** Anonymous 401, each wrong role 403, each right role 200 (a page, a listing or one customer). */
    private static void table(List<Ask> asks, String path, List<String> wrong, List<String> right) {
        asks.add(new Ask("GET", path, null, 401));
        wrong.forEach(user -> asks.add(new Ask("GET", path, user, 403)));
        right.forEach(user -> asks.add(new Ask("GET", path, user, 200)));
    }
}
