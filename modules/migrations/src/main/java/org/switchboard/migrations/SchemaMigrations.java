package org.switchboard.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies a context's versioned migrations ({@code db/migration/<schema>/V*.sql} on the context's
 * class path) to its own PostgreSQL schema. Each schema keeps its own history table, so contexts
 * evolve their tables independently.
 */
public final class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {}

    public static void migrate(DataSource dataSource, String schema, ClassLoader classLoader) {
        var result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.log(
                System.Logger.Level.INFO,
                "Schema {0}: {1} migration(s) applied, now at version {2}",
                schema,
                result.migrationsExecuted,
                result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
    }
}
