package org.switchboard.web.http;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a form goes that Faces could not restore (its session ended, or its view state was never
 * ours; see ExpiredViews): nothing was sent, and the page says how to go on.
 */
@WebServlet(urlPatterns = "/expired")
public class ExpiredPage extends HttpServlet {

    static final String TEXT = "<p>The form was open longer than your session lasts (or did not come from a page"
            + " this server still holds), so nothing was sent and nothing changed. Go back, reload the page and"
            + " submit again.</p>";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(SitePages.page(getServletContext(), "This page had expired", TEXT));
    }
}
