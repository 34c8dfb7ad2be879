package org.switchboard.partners.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;

/** Brings the {@code partners} schema to the version this code expects: the shared processed_message, then its own tables. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartnersSchema {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(
                dataSource, "partners", PartnersSchema.class.getClassLoader(), SharedTable.PROCESSED_MESSAGE);
    }
}
