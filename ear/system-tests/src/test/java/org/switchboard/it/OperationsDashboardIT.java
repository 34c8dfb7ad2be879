package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The operations dashboard renders the broker's queues and its chart, for logged-in roles only. */
class OperationsDashboardIT extends InContainerTest {

    @Test
    void showsEveryQueueWithTheChartLibraryFromItsWebjar() {
        var page = api.as("viewer").get("ops/queues.xhtml");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("jms.queue.marketing.commands")
                .contains("jms.queue.DLQ.marketing.commands")
                .contains("integration")
                .contains("Health:")
                .contains("depth-chart")
                .contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")
                .doesNotContain("Something went wrong");
        var html = Jsoup.parse(page.body());
        assertThat(html.select("meta[http-equiv=refresh]"))
                .as("no page that reloads itself")
                .isEmpty();
        assertThat(html.select("#live #queues"))
                .as("the part the script refreshes")
                .hasSize(1);
        assertThat(html.select("script[src*=queue-charts.js]")).hasSize(1);
        var library = api.get("webjars/chart.js/4.5.1/dist/chart.umd.min.js");
        assertThat(library.status()).isEqualTo(200);
        assertThat(library.body()).contains("Chart");
    }

    @Test
    void theDashboardNeedsALoginAndAnOperationsRole() {
        assertThat(api.get("ops/queues.xhtml").status()).isEqualTo(401);
        assertThat(api.as("customer").get("ops/queues.xhtml").status()).isEqualTo(403);
    }
}
