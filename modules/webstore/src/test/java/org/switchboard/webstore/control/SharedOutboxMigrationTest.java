package org.switchboard.webstore.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;

/**
 * An upgrade from the Web Store's own outbox table to the shared one loses nothing: what was
 * still waiting is carried over, in its order, bound for the topic it was written for.
 */
class SharedOutboxMigrationTest {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void whatWaitedInTheOldOutboxIsInTheSharedOneAfterTheUpgrade() throws SQLException {
        var loader = SharedOutboxMigrationTest.class.getClassLoader();
        // The schema as the previous release left it: its own migrations up to version 5.
        Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas("webstore")
                .locations("classpath:db/migration/webstore")
                .target("5")
                .load()
                .migrate();
        var first = UUID.randomUUID();
        var second = UUID.randomUUID();
        execute("insert into webstore.outbox_message (message_id, message_type, headers, body, correlation_id,"
                + " created_at, lease_until) values ('" + first + "', 'CustomerRegisteredV2',"
                + " '{\"JMSType\":\"webstore.CustomerRegistered\",\"schemaVersion\":2}', '{\"a\":1}', '" + first
                + "', now(), now() + interval '30 seconds'),"
                + " ('" + second + "', 'CustomerRegisteredV2', '{\"schemaVersion\":2}', '{\"a\":2}', '" + second
                + "', now(), null)");

        SchemaMigrations.migrate(dataSource, "webstore", loader, SharedTable.OUTBOX);

        assertThat(rows("select message_id || ' ' || destination || ' ' || headers || ' ' || body || ' ' || priority"
                        + " || ' ' || coalesce(lease_until::text, 'free') from webstore.outbox order by id"))
                .containsExactly(
                        first + " java:/jms/topic/webstore.events"
                                + " {\"JMSType\":\"webstore.CustomerRegistered\",\"schemaVersion\":2} {\"a\":1} 4 free",
                        second + " java:/jms/topic/webstore.events {\"schemaVersion\":2} {\"a\":2} 4 free");
        assertThat(rows("select table_name from information_schema.tables where table_schema = 'webstore'"
                        + " and table_name like 'outbox%'"))
                .containsExactly("outbox");
    }

    private static void execute(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
