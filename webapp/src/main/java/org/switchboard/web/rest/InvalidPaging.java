package org.switchboard.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A paging parameter that is not a whole number in range (see {@link Paging}): the client's mistake. */
public class InvalidPaging extends RuntimeException {

    InvalidPaging(String message) {
        super(message);
    }

    /** 400 invalid-paging, saying which parameter and what range. */
    @Provider
    public static class Mapper implements ExceptionMapper<InvalidPaging> {
        @Override
        public Response toResponse(InvalidPaging e) {
            return Problem.of(Response.Status.BAD_REQUEST, "invalid-paging", e.getMessage())
                    .toResponse();
        }
    }
}
