package org.switchboard.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Well-formed JSON that does not fit the request: a field of the wrong JSON type, a required field
 * missing or null, a field the request does not have. Answered with 422 and one entry per field.
 */
public class InvalidRequestBody extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidRequestBody(Map<String, String> fieldErrors) {
        super("The request body does not fit the request: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name to what is wrong with it. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Provider
    public static class Mapper implements ExceptionMapper<InvalidRequestBody> {
        @Override
        public Response toResponse(InvalidRequestBody e) {
            var errors = e.fieldErrors.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(f -> new Problem.FieldError(f.getKey(), f.getValue()))
                    .toList();
            return Problem.of(
                            ProblemMappers.UNPROCESSABLE,
                            "invalid-request-body",
                            "The request body is well-formed JSON but does not fit this request; see errors[].")
                    .withErrors(errors)
                    .toResponse();
        }
    }
}
