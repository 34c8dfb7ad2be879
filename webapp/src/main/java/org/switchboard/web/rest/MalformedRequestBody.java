package org.switchboard.web.rest;

/** A request body that is not JSON of the shape the resource reads. Answered with 400. */
public class MalformedRequestBody extends RuntimeException {

    public MalformedRequestBody(String detail) {
        super(detail);
    }
}
