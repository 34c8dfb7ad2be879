package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Health looks at the database and the transactions: UP with the database answering and nothing in
 * doubt; a branch PostgreSQL holds prepared longer than the limit makes it DEGRADED, shows on the
 * dashboard with its way out and raises an IN_DOUBT_TRANSACTIONS alert, resolved once the branch is
 * gone. (The database down is covered by DiagnosisTest: making it unreachable here would disturb
 * every other test of the run.)
 */
class DatabaseHealthIT extends InContainerTest {

    static final String LIMIT = "switchboard.ops.prepared-limit-seconds";

    @AfterEach
    void reset() {
        System.clearProperty(LIMIT);
    }

    @Test
    void healthReportsTheDatabaseAndTheTransactions() {
        var health = api.as("viewer").get("api/ops/health").json();

        var components = health.getJsonObject("components");
        assertThat(components.getJsonObject("database").getString("status")).isEqualTo("UP");
        assertThat(components.getJsonObject("database").getString("detail")).startsWith("SELECT 1 answered in");
        assertThat(components.getJsonObject("transactions").getString("status")).isEqualTo("UP");
        assertThat(components.getJsonObject("transactions").getString("detail")).isEqualTo("no transaction in doubt");
        assertThat(health.getJsonArray("inDoubtTransactions")).isEmpty();
    }

    @Test
    void aBranchPreparedTooLongDegradesHealthShowsOnTheDashboardAndRaisesAnAlert() throws Exception {
        var gid = "it-health-" + UUID.randomUUID();
        System.setProperty(LIMIT, "1");
        try {
            prepare(gid);

            var entry = await().atMost(Duration.ofSeconds(30)).until(() -> inDoubt(gid), e -> e != null);
            assertThat(entry.getString("origin")).isEqualTo("POSTGRESQL");
            assertThat(entry.getString("status")).isEqualTo("PREPARED");
            assertThat(entry.getString("resolution")).contains("COMMIT PREPARED '" + gid + "'");
            assertThat(api.as("viewer").get("api/ops/health").json().getString("status"))
                    .isEqualTo("DEGRADED");
            assertThat(api.as("viewer").get("ops/queues.xhtml").body())
                    .contains("Transactions in doubt")
                    .contains(gid);
            await().atMost(Duration.ofSeconds(30)).until(() -> alert("OPENED") != null);
        } finally {
            rollback(gid);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inDoubt(gid) == null);
        await().atMost(Duration.ofSeconds(30)).until(() -> alert("RESOLVED") != null);
    }

    /** A branch as a coordinator's prepare leaves it: no coordinator will ever finish it. */
    private void prepare(String gid) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("select 1");
            statement.execute("PREPARE TRANSACTION '" + gid + "'");
        }
    }

    private void rollback(String gid) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("ROLLBACK PREPARED '" + gid + "'");
        }
    }

    private JsonObject inDoubt(String gid) {
        return api.as("viewer").get("api/ops/health").json().getJsonArray("inDoubtTransactions").stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("id").equals(gid))
                .findFirst()
                .orElse(null);
    }

    private JsonObject alert(String type) {
        return api.as("viewer").get("api/ops/alerts").array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("kind").equals("IN_DOUBT_TRANSACTIONS")
                        && a.getString("type").equals(type))
                .findFirst()
                .orElse(null);
    }
}
