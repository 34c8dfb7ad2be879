package org.switchboard.webstore.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.switchboard.migrations.SchemaMigrations;
import org.switchboard.migrations.SharedTable;

/** Brings the {@code webstore} schema to the version this code expects, before the first request. */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebstoreSchema {

    private static final System.Logger LOG = System.getLogger(WebstoreSchema.class.getName());

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate(dataSource, "webstore", WebstoreSchema.class.getClassLoader(), SharedTable.OUTBOX);
        // A misconfigured event version fails the deployment, not every registration.
        LOG.log(
                System.Logger.Level.INFO,
                "Publishing CustomerRegistered v{0} (" + PublishedVersions.CUSTOMER_REGISTERED + ")",
                PublishedVersions.customerRegistered());
    }
}
