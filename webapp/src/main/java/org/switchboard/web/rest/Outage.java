package org.switchboard.web.rest;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.switchboard.messaging.Transience;

/**
 * Whether a failed request met a database outage: what {@link Transience} reads from the failure,
 * or, for a failure from the database that does not say why (a transaction its broken connection
 * doomed), what the database answers now. The pages and the REST API ask after the request's
 * transaction ended, so the question needs a connection of its own.
 */
public final class Outage {

    private Outage() {}

    public static boolean isOutage(Throwable failure) {
        return Transience.isTransient(failure, database());
    }

    private static DataSource database() {
        try {
            return InitialContext.doLookup(Transience.DATABASE);
        } catch (NamingException e) {
            return null;
        }
    }
}
