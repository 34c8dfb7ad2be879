package org.switchboard.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {

    @Test
    void theLongestMatchingPrefixWinsElseTheDefault() {
        var limits = BodyLimits.of(1024, " /api=2048, /api/orders=10485760 ,");

        assertThat(limits.forPath("/api/orders/17/attachments")).isEqualTo(10_485_760);
        assertThat(limits.forPath("/api/customers")).isEqualTo(2048);
        assertThat(limits.forPath("/register.xhtml")).isEqualTo(1024);
    }

    @Test
    void noPathsMeansTheDefaultEverywhere() {
        assertThat(BodyLimits.of(BodyLimits.DEFAULT, "").forPath("/api/orders")).isEqualTo(1024 * 1024);
    }

    @Test
    void anEntryThatIsNotPathEqualsBytesIsRefusedAtStart() {
        assertThatThrownBy(() -> BodyLimits.of(1024, "/api/orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/orders");
    }
}
