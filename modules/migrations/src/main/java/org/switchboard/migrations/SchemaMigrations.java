package org.switchboard.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies a context's versioned migrations ({@code db/migration/<schema>/V*.sql} on the context's
 * class path) to its own PostgreSQL schema, after the {@link SharedTable}s it asks for. Each schema
 * keeps its own history table, and each shared table its own history table in that schema, so
 * contexts evolve their tables independently and a shared table is written once for all of them.
 */
public final class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {}

    public static void migrate(DataSource dataSource, String schema, ClassLoader classLoader, SharedTable... shared) {
        for (var table : shared) {
            run(
                    schema,
                    table.name(),
                    configure(dataSource, schema, classLoader)
                            .locations(table.location())
                            .table(table.historyTable()));
        }
        run(schema, "own", configure(dataSource, schema, classLoader).locations("classpath:db/migration/" + schema));
    }

    /**
     * Brings the claim store (schema {@code claims}, {@code db/claims/V*.sql} in this jar) to the
     * version this code expects. It belongs to no context; every context that uses it calls this at
     * start, and Flyway's lock makes concurrent calls safe.
     */
    public static synchronized void migrateClaimStore(DataSource dataSource) {
        run(
                "claims",
                "claim store",
                configure(dataSource, "claims", SchemaMigrations.class.getClassLoader())
                        .locations("classpath:db/claims"));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(
            DataSource dataSource, String schema, ClassLoader classLoader) {
        // Several histories share one schema: each run finds the others' tables there, so a schema
        // that is not empty but has no history of this kind starts below version 1 and gets all.
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true);
    }

    private static void run(
            String schema, String what, org.flywaydb.core.api.configuration.FluentConfiguration flyway) {
        var result = flyway.load().migrate();
        LOG.log(
                System.Logger.Level.INFO,
                "Schema {0} ({1}): {2} migration(s) applied, now at version {3}",
                schema,
                what,
                result.migrationsExecuted,
                result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
    }
}
