package org.switchboard.partners.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;
import org.switchboard.partners.entity.DeliveryState;

/** The outbox's leases, retries and endpoint counting, on a real PostgreSQL with Partners' own migrations. */
class DeliveryTableTest {

    static final Duration LEASE = Duration.ofMinutes(1);

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    DeliveryTable table;
    UUID endpoint;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigrations.migrate(
                dataSource, "partners", DeliveryTableTest.class.getClassLoader(), SharedTable.PROCESSED_MESSAGE);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void anEmptyOutboxAndOneEndpoint() throws SQLException {
        execute("delete from partners.delivery");
        table = new DeliveryTable(dataSource);
        endpoint = endpoint();
    }

    @Test
    void aLeasedDeliveryIsNotTakenAgainUntilItsLeaseRunsOut() throws SQLException {
        add(endpoint);

        var first = table.lease(10, Duration.ofSeconds(1));
        var whileHeld = table.lease(10, LEASE);

        assertThat(first).hasSize(1);
        assertThat(first.get(0).attempt()).isEqualTo(1);
        assertThat(whileHeld)
                .as("another relay (node) skips what the first holds")
                .isEmpty();
        var afterCrash = await("the lease of a relay that died runs out")
                .atMost(Duration.ofSeconds(10))
                .until(() -> table.lease(10, LEASE), due -> !due.isEmpty());
        assertThat(afterCrash.get(0).event().id())
                .isEqualTo(first.get(0).event().id());
        assertThat(afterCrash.get(0).attempt()).isEqualTo(2);
    }

    @Test
    void theSameEventForTheSameEndpointIsOneDelivery() throws SQLException {
        var event = new DeliveryTable.Event(UUID.randomUUID(), UUID.randomUUID(), "order.confirmed", "{}");

        table.insert(endpoint, event, Instant.now());
        table.insert(endpoint, event, Instant.now());
        table.insert(endpoint(), event, Instant.now());

        assertThat(table.counts().get(DeliveryState.PENDING)).isEqualTo(2);
    }

    @Test
    void aRetryWaitsAndADeliveredOneIsDone() throws SQLException {
        add(endpoint);
        add(endpoint);
        var due = table.lease(10, LEASE);

        table.retry(due.get(0).id(), Duration.ofHours(1), "HTTP 503");
        table.delivered(due.get(1).id());

        assertThat(table.lease(10, LEASE))
                .as("not due for an hour, nor delivered again")
                .isEmpty();
        assertThat(table.counts()).containsEntry(DeliveryState.PENDING, 1L).containsEntry(DeliveryState.DELIVERED, 1L);
    }

    @Test
    void aDisabledEndpointsDeliveriesWaitAndItIsDisabledOnceAtItsLimit() throws SQLException {
        add(endpoint);

        assertThat(table.endpointFailed(endpoint, 3, "HTTP 500")).isFalse();
        assertThat(table.endpointFailed(endpoint, 3, "HTTP 500")).isFalse();
        assertThat(table.endpointFailed(endpoint, 3, "HTTP 500"))
                .as("the third in a row disables it")
                .isTrue();
        assertThat(table.endpointFailed(endpoint, 3, "HTTP 500"))
                .as("already disabled")
                .isFalse();

        assertThat(table.disabledEndpoints()).isEqualTo(1);
        assertThat(table.lease(10, LEASE))
                .as("nothing goes to a disabled endpoint")
                .isEmpty();
        execute("update partners.endpoint set state = 'ACTIVE', consecutive_failures = 0");
        assertThat(table.lease(10, LEASE)).hasSize(1);
    }

    @Test
    void anAnswerEndsTheRunOfFailures() throws SQLException {
        table.endpointFailed(endpoint, 3, "HTTP 500");
        table.endpointFailed(endpoint, 3, "HTTP 500");

        table.endpointAnswered(endpoint);

        assertThat(table.endpointFailed(endpoint, 3, "HTTP 500")).isFalse();
        assertThat(table.disabledEndpoints()).isZero();
    }

    @Test
    void onlyAFailedDeliveryIsReplayedWithAFreshBudget() throws SQLException {
        add(endpoint);
        var due = table.lease(10, LEASE).get(0);
        assertThat(table.replay(due.id())).as("still pending").isFalse();

        table.failed(due.id(), "HTTP 500");

        assertThat(table.state(due.id())).contains(DeliveryState.FAILED);
        assertThat(table.replay(due.id())).isTrue();
        assertThat(table.replay(due.id())).as("already replayed").isFalse();
        var again = table.lease(10, LEASE);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).attempt()).isEqualTo(1);
        assertThat(table.state(-1)).isEmpty();
    }

    private void add(UUID to) throws SQLException {
        table.insert(
                to,
                new DeliveryTable.Event(UUID.randomUUID(), UUID.randomUUID(), "order.confirmed", "{}"),
                Instant.now());
    }

    private static UUID endpoint() throws SQLException {
        var id = UUID.randomUUID();
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("insert into partners.endpoint (id, partner, url, secret,"
                        + " state, consecutive_failures, created_at, updated_at)"
                        + " values (?, 'acme', 'http://localhost:1/hook', 'secret', 'ACTIVE', 0, now(), now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    private static void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
