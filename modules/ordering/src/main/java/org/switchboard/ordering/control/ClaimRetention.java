package org.switchboard.ordering.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.time.Instant;
import javax.sql.DataSource;
import org.switchboard.messaging.claims.ClaimCheck;

/**
 * Deletes the order documents whose retention has ended: uploads no order referred to within a
 * day. A document an order refers to is deleted sooner, when the order's saga ends.
 */
@Singleton
public class ClaimRetention {

    private static final System.Logger LOG = System.getLogger(ClaimRetention.class.getName());

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void sweep() {
        var deleted = new ClaimCheck(dataSource).deleteExpired(Instant.now());
        if (deleted > 0) {
            LOG.log(System.Logger.Level.INFO, "Deleted {0} stored document(s) past their retention", deleted);
        }
    }
}
