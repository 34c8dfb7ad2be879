package org.switchboard.web.rest;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which slice of a listing a client asked for, and the answer that says where it sits in the whole:
 * the body is the slice (a JSON array, as before), {@value #TOTAL_HEADER} says how many there are
 * and {@code Link} (RFC 8288) carries {@code next} and {@code prev}, so a client can walk the whole
 * listing and never mistakes a full page for the end. Parameters that are not whole numbers in range
 * are the client's mistake: 400, never a silent default and never a 404.
 */
record Paging(int offset, int limit) {

    static final String TOTAL_HEADER = "X-Total-Count";
    static final int DEFAULT_LIMIT = 50;

    /** Digits only: no sign, exponent, decimal point or spaces that a lenient parser would take. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    /**
     * @param offset as sent, or null: 0
     * @param limit as sent, or null: {@value #DEFAULT_LIMIT}
     * @param maxLimit the largest page the listing serves
     */
    static Paging of(String offset, String limit, int maxLimit) {
        var from = offset == null ? 0 : number("offset", offset, 0, Integer.MAX_VALUE);
        var size = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : number("limit", limit, 1, maxLimit);
        return new Paging(from, size);
    }

    private static int number(String name, String value, int min, int max) {
        if (DIGITS.matcher(value).matches()) {
            var number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw new InvalidPaging("%s must be a whole number from %d to %d; offset counts from 0, limit is the page size"
                .formatted(name, min, max));
    }

    /** 200 with the slice, the total and the links to the neighbouring slices. */
    Response respond(List<?> slice, long total, UriInfo uri) {
        var answer = Response.ok(slice).header(TOTAL_HEADER, total);
        var next = (long) offset + slice.size();
        if (!slice.isEmpty() && next < total && next <= Integer.MAX_VALUE) {
            answer.links(link(uri, next, "next"));
        }
        if (offset > 0) {
            answer.links(link(uri, Math.max(0, Math.min((long) offset, total) - limit), "prev"));
        }
        return answer.build();
    }

    private Link link(UriInfo uri, long to, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder()
                        .replaceQueryParam("offset", to)
                        .replaceQueryParam("limit", limit))
                .rel(rel)
                .build();
    }
}
