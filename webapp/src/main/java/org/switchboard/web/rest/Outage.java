package org.switchboard.web.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.switchboard.messaging.Transience;

/**
 * Whether a failed request met a database outage, and what the client is told then. Read from the
 * failure by {@link Transience}, or, for a failure from the database that does not say why (a
 * transaction its broken connection doomed), from what the database answers now: the pages and
 * the REST API ask after the request's transaction ended, so the question takes a connection of
 * its own. Each answer is 503 with {@code Retry-After} and one log line, no stack trace: an outage
 * would otherwise fill the log with them.
 */
public final class Outage {

    private static final System.Logger LOG = System.getLogger(Outage.class.getName());

    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Outage() {}

    public static boolean isOutage(Throwable failure) {
        return Transience.isTransient(failure, database());
    }

    /**
     * {@code outcome-unknown} when the connection failed inside the COMMIT (the request may or may
     * not have taken effect: only a retry with the same Idempotency-Key can tell), else
     * {@code database-unavailable} when the database is unreachable, shutting down or out of
     * connections (nothing was stored); empty for any other failure.
     */
    static Optional<Response> answer(Throwable failure) {
        if (Transience.isOutcomeUnknown(failure)) {
            return Optional.of(unavailable(
                    "outcome-unknown",
                    "The database failed while storing this request, so it may or may not have taken effect."
                            + " Retry in " + RETRY_AFTER_SECONDS + " seconds with the same Idempotency-Key: you get"
                            + " the stored result if it was stored, and it is made once if it was not.",
                    "Commit failed, outcome unknown",
                    failure));
        }
        if (isOutage(failure)) {
            return Optional.of(unavailable(
                    "database-unavailable",
                    "The database is unavailable right now. Retry in " + RETRY_AFTER_SECONDS + " seconds; send"
                            + " the same Idempotency-Key to be sure a registration happens once.",
                    "Database unavailable",
                    failure));
        }
        return Optional.empty();
    }

    private static Response unavailable(String slug, String detail, String what, Throwable failure) {
        var root = Transience.rootCause(failure);
        LOG.log(
                System.Logger.Level.WARNING,
                "{0}, answered 503: {1}: {2}",
                what,
                root.getClass().getName(),
                root.getMessage());
        return Response.fromResponse(
                        Problem.of(Status.SERVICE_UNAVAILABLE, slug, detail).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static DataSource database() {
        try {
            return InitialContext.doLookup(Transience.DATABASE);
        } catch (NamingException e) {
            return null;
        }
    }
}
