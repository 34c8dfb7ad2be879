package org.switchboard.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.switchboard.operations.foureyes.boundary.ConcurrentDecision;
import org.switchboard.operations.foureyes.boundary.FourEyesViolation;
import org.switchboard.operations.foureyes.boundary.InvalidDecision;
import org.switchboard.operations.foureyes.boundary.InvalidRequest;
import org.switchboard.operations.foureyes.boundary.UnknownRequest;
import org.switchboard.webstore.boundary.CorrelationIdInUse;
import org.switchboard.webstore.boundary.EmailAlreadyRegistered;
import org.switchboard.webstore.boundary.IdempotencyKey;
import org.switchboard.webstore.boundary.InvalidRegistration;
import org.switchboard.webstore.boundary.UnpublishableRegistration;

/**
 * Every error leaves the API as problem+json; no stack trace ever reaches a client. Unexpected
 * failures get an incident id that is also in the server log: one line per failed request, the
 * stack trace once per distinct failure (see {@link FailureLog}).
 */
public final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());
    private static final FailureLog FAILURES = new FailureLog();

    private ProblemMappers() {}

    @Provider
    public static class InvalidRegistrationMapper implements ExceptionMapper<InvalidRegistration> {
        @Override
        public Response toResponse(InvalidRegistration e) {
            var errors = e.fieldErrors().entrySet().stream()
                    .map(f -> new Problem.FieldError(f.getKey(), f.getValue()))
                    .toList();
            return Problem.of(UNPROCESSABLE, "invalid-registration", "The registration has invalid fields.")
                    .withErrors(errors)
                    .toResponse();
        }
    }

    /** Input the Web Store accepts but the event it publishes cannot carry: 422, naming the event's field. */
    @Provider
    public static class UnpublishableRegistrationMapper implements ExceptionMapper<UnpublishableRegistration> {
        @Override
        public Response toResponse(UnpublishableRegistration e) {
            var errors = e.fieldErrors().entrySet().stream()
                    .map(f -> new Problem.FieldError(f.getKey(), f.getValue()))
                    .toList();
            return Problem.of(
                            UNPROCESSABLE,
                            "unpublishable-registration",
                            "The registration is valid but cannot be published in the configured event version;"
                                    + " nothing was stored. See errors[] for the event fields.")
                    .withErrors(errors)
                    .toResponse();
        }
    }

    @Provider
    public static class EmailAlreadyRegisteredMapper implements ExceptionMapper<EmailAlreadyRegistered> {
        @Override
        public Response toResponse(EmailAlreadyRegistered e) {
            return Problem.of(Status.CONFLICT, "email-already-registered", e.getMessage())
                    .withErrors(java.util.List.of(
                            new Problem.FieldError("email", "This e-mail address is already registered")))
                    .toResponse();
        }
    }

    @Provider
    public static class CorrelationIdInUseMapper implements ExceptionMapper<CorrelationIdInUse> {
        @Override
        public Response toResponse(CorrelationIdInUse e) {
            return Problem.of(Status.CONFLICT, "correlation-id-in-use", e.getMessage())
                    .toResponse();
        }
    }

    @Provider
    public static class InvalidIdempotencyKeyMapper implements ExceptionMapper<IdempotencyKey.Invalid> {
        @Override
        public Response toResponse(IdempotencyKey.Invalid e) {
            return Problem.of(Status.BAD_REQUEST, "invalid-idempotency-key", e.getMessage())
                    .toResponse();
        }
    }

    /** The key names another request: 422, and nothing was done. */
    @Provider
    public static class ReusedIdempotencyKeyMapper implements ExceptionMapper<IdempotencyKey.Reused> {
        @Override
        public Response toResponse(IdempotencyKey.Reused e) {
            return Problem.of(
                            UNPROCESSABLE,
                            "idempotency-key-reused",
                            e.getMessage() + "; nothing was registered. Use a new key for a new request.")
                    .toResponse();
        }
    }

    /** A request with the same key is still running (its outcome could not be read): 409, try again soon. */
    @Provider
    public static class IdempotencyKeyInProgressMapper implements ExceptionMapper<IdempotencyKey.InProgress> {
        @Override
        public Response toResponse(IdempotencyKey.InProgress e) {
            return Response.fromResponse(Problem.of(Status.CONFLICT, "idempotency-key-in-progress", e.getMessage())
                            .toResponse())
                    .header(HttpHeaders.RETRY_AFTER, 1)
                    .build();
        }
    }

    /** A caller whose role does not allow the call (the boundary's {@code @RolesAllowed}): 403. */
    @Provider
    public static class ForbiddenCallMapper implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return Problem.of(Status.FORBIDDEN, "forbidden", "Your role does not allow this.")
                    .toResponse();
        }
    }

    /** A dead-letter request the service refuses as it stands: 422 with its reason; nothing changed. */
    @Provider
    public static class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {
        @Override
        public Response toResponse(InvalidRequest e) {
            return Problem.of(UNPROCESSABLE, "refused", e.getMessage()).toResponse();
        }
    }

    /** A decision the service refuses as it stands: 422 with its reason; nothing changed. */
    @Provider
    public static class InvalidDecisionMapper implements ExceptionMapper<InvalidDecision> {
        @Override
        public Response toResponse(InvalidDecision e) {
            return Problem.of(UNPROCESSABLE, "refused", e.getMessage()).toResponse();
        }
    }

    /** Nobody decides on their own request: 403 (the attempt is audited). */
    @Provider
    public static class FourEyesViolationMapper implements ExceptionMapper<FourEyesViolation> {
        @Override
        public Response toResponse(FourEyesViolation e) {
            return Problem.of(Status.FORBIDDEN, "forbidden", e.getMessage()).toResponse();
        }
    }

    /** Someone else decided on the same request at the same time, and was first: 409. */
    @Provider
    public static class ConcurrentDecisionMapper implements ExceptionMapper<ConcurrentDecision> {
        @Override
        public Response toResponse(ConcurrentDecision e) {
            return Problem.of(Status.CONFLICT, "conflict", e.getMessage()).toResponse();
        }
    }

    /** A decision on a request that does not exist: 404. */
    @Provider
    public static class UnknownRequestMapper implements ExceptionMapper<UnknownRequest> {
        @Override
        public Response toResponse(UnknownRequest e) {
            return Problem.of(Status.NOT_FOUND, "not-found", e.getMessage()).toResponse();
        }
    }

    /** A body that is not exactly one JSON object (see StrictJson). */
    @Provider
    public static class MalformedBodyMapper implements ExceptionMapper<MalformedRequestBody> {
        @Override
        public Response toResponse(MalformedRequestBody e) {
            return Problem.of(Status.BAD_REQUEST, "malformed-request", e.getMessage())
                    .toResponse();
        }
    }

    /** 404, 405, 406, 415 and friends keep their status and headers (e.g. Allow), in problem form. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getResponse().getEntity() instanceof Problem) {
                return e.getResponse(); // ours already, e.g. from JsonBodyReader
            }
            var status = e.getResponse().getStatusInfo();
            if (tooLarge(e) || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                return unexpected(e);
            }
            var problem = Problem.of(status, slug(status), detail(e, status));
            return Response.fromResponse(e.getResponse())
                    .type(Problem.PROBLEM_JSON)
                    .entity(problem)
                    .build();
        }

        /** Our own messages say what was not found; RESTEasy's (RESTEASY0...) are internals and stay out. */
        private static String detail(WebApplicationException e, Response.StatusType status) {
            var message = e.getMessage();
            return message != null && !message.startsWith("RESTEASY") && !message.startsWith("HTTP ")
                    ? message
                    : status.getReasonPhrase();
        }

        private static String slug(Response.StatusType status) {
            return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /**
     * Everything else, including failures while writing a response after the work committed: log
     * it with an incident id, tell the client only the id. A body cut off by LimitedInputStream
     * arrives here wrapped by whoever read it, and becomes 413.
     */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }

    static Response unexpected(Throwable e) {
        if (tooLarge(e)) {
            return PayloadLimit.tooLarge();
        }
        var outage = Outage.answer(e);
        if (outage.isPresent()) {
            return outage.get();
        }
        var cause = e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e;
        var entry = FAILURES.record(cause, Instant.now());
        var incident = entry.incident();
        if (entry.withStack()) {
            LOG.log(System.Logger.Level.ERROR, () -> "Incident " + incident + ": request failed", cause);
        } else {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Incident {0}: request failed: {1} (stack trace under incident {2})",
                    incident,
                    FailureLog.oneLine(cause),
                    entry.stackLoggedIn());
        }
        return Problem.of(
                        Status.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "The request failed unexpectedly (incident " + incident + "). It may not have taken effect:"
                                + " check before you retry.")
                .toResponse();
    }

    private static boolean tooLarge(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedInputStream.PayloadTooLarge) {
                return true;
            }
        }
        return false;
    }

    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
