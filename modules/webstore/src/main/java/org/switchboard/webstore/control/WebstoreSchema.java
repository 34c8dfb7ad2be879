package org.switchboard.webstore.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.switchboard.messaging.SchemaMigrations;

/** Brings the {@code webstore} schema to the version this code expects, before the first request. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebstoreSchema {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(dataSource, "webstore", WebstoreSchema.class.getClassLoader());
    }
}
