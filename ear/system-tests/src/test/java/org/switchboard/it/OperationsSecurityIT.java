package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operations API asks who you are (401) and refuses the wrong role (403); registering stays open. */
class OperationsSecurityIT extends InContainerTest {

    @Test
    void anonymousCallersAreAskedToLogIn() {
        for (var path : new String[] {"api/ops/queues", "api/ops/alerts", "api/ops/health", "api/ops/queues/history"}) {
            var reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.body()).as(path).doesNotContain("jms.queue");
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.body()).as(path).contains("\"status\":401");
        }
    }

    /**
     * From an address of its own: the suite shares one deployment (SharedDeployment), and with it the
     * login throttle's count of wrong passwords per address (LoginAbuseIT).
     */
    @Test
    void aWrongPasswordIsNotALogin() {
        assertThat(RawHttp.get(base, "127.0.0.3", "/api/ops/queues", RawHttp.basic("viewer", "guessed"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aUserWithoutAnOperationsRoleIsRefused() {
        var refused = api.as("customer").get("api/ops/queues");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyOperationsRoleMayLook() {
        for (var user : new String[] {"viewer", "operator", "approver"}) {
            assertThat(api.as(user).get("api/ops/queues").status()).as(user).isEqualTo(200);
        }
    }

    /** Registering and the schemas need no login; reading customers does (see PersonalDataAccessIT). */
    @Test
    void theShopNeedsNoLogin() {
        assertThat(api.register(Api.uniqueEmail("open"), "Open", "Shop", false, null)
                        .status())
                .isEqualTo(201);
        assertThat(api.get("api/schemas").status()).isEqualTo(200);
        assertThat(api.as("staff").get("api/customers").status()).isEqualTo(200);
    }
}
