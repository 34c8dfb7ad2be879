package org.switchboard.web.http;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Pages in the site's layout written without Faces (an error must render even when Faces cannot,
 * and the expired page is where Faces sends a form it cannot restore). The header is the one
 * Faces pages include, WEB-INF/templates/site-header.xhtml, read once: the navigation has a single
 * copy.
 */
final class SitePages {

    static final String HEADER = "/WEB-INF/templates/site-header.xhtml";
    private static final String CONTEXT_PATH = "#{request.contextPath}";

    private SitePages() {}

    /** A whole page: the header, then a main part with this title and this (trusted, fixed) markup. */
    static String page(ServletContext servlets, String title, String html) {
        var context = servlets.getContextPath();
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>Switchboard · %2$s</title>
                <link rel="stylesheet" href="%1$s/jakarta.faces.resource/css/switchboard.css.xhtml"/></head>
                <body><a class="skip" href="#content">Skip to content</a>
                %3$s
                <main id="content" tabindex="-1"><h1>%2$s</h1>
                %4$s
                <p><a href="%1$s/">Back to Switchboard</a></p></main>
                <script src="%1$s/jakarta.faces.resource/js/navigation.js.xhtml"></script></body></html>
                """.formatted(context, title, header(read(servlets), context), html);
    }

    /** The header element of the fragment, its context path filled in. */
    static String header(String fragment, String contextPath) {
        var start = fragment.indexOf("<header");
        var end = fragment.indexOf("</header>");
        if (start < 0 || end < start) {
            throw new IllegalStateException(HEADER + " has no <header> element");
        }
        var header = fragment.substring(start, end + "</header>".length()).replace(CONTEXT_PATH, contextPath);
        if (header.contains("#{") || header.contains("${")) {
            throw new IllegalStateException(HEADER + " may use no expression but " + CONTEXT_PATH);
        }
        return header;
    }

    private static String read(ServletContext servlets) {
        try (var in = servlets.getResourceAsStream(HEADER)) {
            if (in == null) {
                throw new IllegalStateException("The webapp has no " + HEADER);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
