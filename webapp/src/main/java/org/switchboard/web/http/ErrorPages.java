package org.switchboard.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The container's error pages (WEB-INF/web.xml) for 401, 403, 404 and 500, by content negotiation:
 * a browser (it asks for {@code text/html}) gets a page in the site's layout, every other client the
 * problem document (RFC 9457) from {@code /problems/*.problem}, as the API answers everything else.
 * Only the status and fixed text are shown: never the exception, never the path asked for.
 */
@WebServlet(urlPatterns = "/errors/*")
public class ErrorPages extends HttpServlet {

    /** Per error: the problem document's name, and the page's title and text. */
    private record ErrorPage(String problem, String title, String html) {}

    private static final Map<Integer, ErrorPage> PAGES = Map.of(
            401,
            new ErrorPage(
                    "unauthorized",
                    "Please log in",
                    "<p>This page is for signed-in staff. Log in with a user that may see it: staff for the Web"
                            + " Store's customers, marketing for Marketing's contacts, viewer, operator or approver"
                            + " for operations.</p>"),
            403,
            new ErrorPage(
                    "forbidden",
                    "Not for your user",
                    "<p>You are logged in, but your user does not have a role that may see this: staff for the"
                            + " Web Store's customers, marketing for Marketing's contacts, viewer, operator or"
                            + " approver for operations (operator may see all). To log in as someone else, close"
                            + " the browser or open a private window.</p>"),
            404,
            new ErrorPage(
                    "not-found",
                    "Not found",
                    "<p>There is no page here. Check the address, or start again" + " from the home page.</p>"),
            500,
            new ErrorPage(
                    "server-error",
                    "Something went wrong",
                    "<p>The request could not be completed. The details are in the server log; please try again"
                            + " in a moment.</p>"));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpServletResponse.SC_NOT_FOUND;
        var page = PAGES.getOrDefault(status, PAGES.get(status >= 500 ? 500 : 404));
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (wantsHtml(request)) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(SitePages.page(getServletContext(), page.title(), page.html()));
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write(problem(page.problem()));
        }
    }

    /** A browser names text/html in its Accept header; curl, HTTP libraries and fetch() do not by default. */
    static boolean wantsHtml(HttpServletRequest request) {
        var accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    private String problem(String name) {
        try (var in = getServletContext().getResourceAsStream("/problems/" + name + ".problem")) {
            if (in == null) {
                throw new IllegalStateException("The webapp has no problem document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
