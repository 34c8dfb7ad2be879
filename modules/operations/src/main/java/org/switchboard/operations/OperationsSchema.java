package org.switchboard.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;

/**
 * Brings the {@code operations} schema (four-eyes requests and audit, journey notes, the outbox) to the
 * version this code expects. One schema for the whole context, so it lives above its components.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperationsSchema {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(dataSource, "operations", OperationsSchema.class.getClassLoader(), SharedTable.OUTBOX);
    }
}
