package org.switchboard.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A context gets the shared tables in its own schema, each with a history of its own, and its own migrations after them. */
class SchemaMigrationsTest {

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
    void aNewSchemaGetsTheSharedTablesThenItsOwnAndASecondRunChangesNothing() throws SQLException {
        var loader = SchemaMigrationsTest.class.getClassLoader();

        SchemaMigrations.migrate(dataSource, "demo", loader, SharedTable.OUTBOX, SharedTable.PROCESSED_MESSAGE);
        SchemaMigrations.migrate(dataSource, "demo", loader, SharedTable.OUTBOX, SharedTable.PROCESSED_MESSAGE);

        assertThat(tables("demo"))
                .containsExactlyInAnyOrder(
                        "outbox",
                        "processed_message",
                        "purchase",
                        "flyway_outbox_history",
                        "flyway_processed_message_history",
                        "flyway_schema_history");
        assertThat(count("select count(*) from demo.flyway_schema_history where version = '1' and success"))
                .isEqualTo(1);
        assertThat(count("select count(*) from demo.flyway_outbox_history where version = '1' and success"))
                .isEqualTo(1);
    }

    @Test
    void aSchemaThatExistedBeforeGetsASharedTableAddedLater() throws SQLException {
        var loader = SchemaMigrationsTest.class.getClassLoader();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create schema demo_old; create table demo_old.legacy (id int)");
        }

        SchemaMigrations.migrate(dataSource, "demo_old", loader, SharedTable.OUTBOX);

        assertThat(tables("demo_old")).contains("legacy", "outbox", "flyway_outbox_history");
    }

    private static List<String> tables(String schema) throws SQLException {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(
                        "select table_name from information_schema.tables where table_schema = ?")) {
            query.setString(1, schema);
            var names = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    private static long count(String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
