package org.switchboard.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies larger than the API ever needs (16 KiB) with 413, before anything reads
 * them. Bodies without a declared length are cut off by the same limit while reading. A method
 * marked {@link LargePayload} has its own, larger limit, applied the same way.
 */
@Provider
public class PayloadLimit implements ContainerRequestFilter {

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.container.ResourceInfo resource;

    static final int MAX_BYTES = 16 * 1024;

    static Response tooLarge() {
        return Problem.of(
                        Status.REQUEST_ENTITY_TOO_LARGE,
                        "payload-too-large",
                        "Request bodies are limited to " + MAX_BYTES + " bytes.")
                .toResponse();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var large = resource == null || resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(LargePayload.class);
        long limit = large == null ? MAX_BYTES : large.maxBytes();
        if (request.getLength() > limit) {
            request.abortWith(large == null ? tooLarge() : tooLarge(limit));
            return;
        }
        if (request.hasEntity() && request.getLength() < 0) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), Math.toIntExact(limit)));
        }
    }

    static Response tooLarge(long limit) {
        return Problem.of(
                        Status.REQUEST_ENTITY_TOO_LARGE,
                        "payload-too-large",
                        "This request's body is limited to " + limit + " bytes.")
                .toResponse();
    }
}
