package org.switchboard.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SitePagesTest {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");

    @Test
    void theFacesLayoutIncludesTheOneHeaderTheErrorPagesRead() throws IOException {
        var layout = Files.readString(WEBAPP.resolve("WEB-INF/templates/page.xhtml"));

        assertThat(layout)
                .contains("<ui:include src=\"" + SitePages.HEADER + "\"/>")
                .doesNotContain("<nav");
    }

    @Test
    void theHeaderGetsTheContextPathAndEveryLink() throws IOException {
        var fragment = Files.readString(WEBAPP.resolve(SitePages.HEADER.substring(1)));

        var header = SitePages.header(fragment, "/shop");

        assertThat(header)
                .startsWith("<header class=\"site\">")
                .endsWith("</header>")
                .contains("href=\"/shop/register.xhtml\"", "href=\"/shop/ops/queues.xhtml\"", "button type=\"button\"")
                .doesNotContain("#{", "ui:composition");
    }

    @Test
    void aHeaderWithAnotherExpressionIsRefusedRatherThanShownRaw() {
        assertThatThrownBy(() ->
                        SitePages.header("<header><a href=\"#{request.contextPath}/\">#{user.name}</a></header>", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no expression");
    }
}
