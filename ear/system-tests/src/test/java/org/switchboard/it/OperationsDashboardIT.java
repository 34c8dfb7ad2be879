package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

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
                .contains("http-equiv=\"refresh\"")
                .doesNotContain("Something went wrong");
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
