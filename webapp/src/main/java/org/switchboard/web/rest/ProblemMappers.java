package org.switchboard.web.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.switchboard.webstore.boundary.EmailAlreadyRegistered;
import org.switchboard.webstore.boundary.InvalidRegistration;

/**
 * Every error leaves the API as problem+json; no stack trace ever reaches a client. Unexpected
 * failures get an incident id that is also in the server log.
 */
public final class ProblemMappers {

    private static final System.Logger LOG = System.getLogger(ProblemMappers.class.getName());

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

    /** A body that is not JSON, or JSON of the wrong shape. */
    @Provider
    public static class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadableBody(e);
        }
    }

    @Provider
    public static class JsonbMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadableBody(e);
        }
    }

    /** 404, 405, 406, 413, 415 and friends keep their status, in problem form. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatusInfo();
            if (e.getCause() != null && status.getStatusCode() == 400) {
                // e.g. RESTEasy's BadRequestException around a body it could not read
                return unreadableBody(e.getCause());
            }
            return Problem.of(status, slug(status), status.getReasonPhrase()).toResponse();
        }

        private static String slug(Response.StatusType status) {
            return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /** A body that could not be read: too large (413, see LimitedInputStream) or not the JSON we expect (400). */
    static Response unreadableBody(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedInputStream.PayloadTooLarge) {
                return PayloadLimit.tooLarge();
            }
        }
        return Problem.of(
                        Status.BAD_REQUEST,
                        "malformed-request",
                        "The request body is not valid JSON for this resource.")
                .toResponse();
    }

    /** Everything else: log it with an incident id, tell the client only the id. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            var incident = UUID.randomUUID();
            var cause = e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e;
            LOG.log(System.Logger.Level.ERROR, "Incident " + incident + ": request failed", cause);
            return Problem.of(
                            Status.INTERNAL_SERVER_ERROR,
                            "internal-error",
                            "The request could not be completed and nothing was changed. Incident " + incident + ".")
                    .toResponse();
        }
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
