package org.switchboard.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} points into the API's error catalogue; {@code errors}
 * lists per-field messages for validation problems.
 */
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public record FieldError(String field, String message) {}

    public static Problem of(Response.StatusType status, String slug, String detail) {
        return new Problem(
                URI.create("https://switchboard.example/problems/" + slug),
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
