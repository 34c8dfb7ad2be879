package org.switchboard.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Tells the browser what this application never does, on every response including error pages
 * and the container's own refusals: no script but our own files (nothing inline, so an injected
 * {@code <script>} or {@code onclick} does not run), no framing by any site, no guessing of content
 * types, no full URLs (with their correlation ids) in the Referer to other sites. Answers for a
 * logged-in user carry personal or operational data and are not stored by caches. Mapped first in
 * WEB-INF/web.xml, for every dispatch a response can come from.
 */
public class BrowserHardening extends HttpFilter {

    /** The pages: our scripts, styles and images from our origin; forms post back to us only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The API answers data, never something to render: nothing may load or run from it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // For browsers that predate frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        if (request.getRemoteUser() != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
