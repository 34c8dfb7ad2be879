package org.switchboard.ordering.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;

/** Brings the {@code ordering} schema to the version this code expects: the shared outbox and claims, then its own tables. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderingSchema {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrateClaimStore(dataSource);
        SchemaMigrations.migrate(
                dataSource,
                "ordering",
                OrderingSchema.class.getClassLoader(),
                SharedTable.OUTBOX,
                SharedTable.PROCESSED_MESSAGE);
    }
}
