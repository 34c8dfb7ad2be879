package org.switchboard.partners.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    static final String SECRET = "whsec-0123456789abcdef";
    static final String BODY = "{\"id\":\"e1\",\"type\":\"order.confirmed\"}";

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBodyInStripesLayout() {
        // echo -n '1767225600.{"id":"e1","type":"order.confirmed"}' | openssl dgst -sha256 -hmac whsec-0123456789abcdef
        assertThat(WebhookSignature.sign(SECRET, 1767225600L, BODY))
                .isEqualTo("t=1767225600,v1=" + Hmac.hex(SECRET, "1767225600." + BODY));
    }

    @Test
    void aPartnerVerifiesWhatWasSignedAndNothingElse() {
        var header = WebhookSignature.sign(SECRET, 1767225600L, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY + " "))
                .as("another body")
                .isFalse();
        assertThat(WebhookSignature.verify("another-secret-0000", header, BODY))
                .as("another secret")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1767225600", "t=1767225601"), BODY))
                .as("another timestamp")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY))
                .as("no timestamp")
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY)).isFalse();
    }

    @Test
    void anUnknownSchemeNextToV1IsIgnored() {
        var header = WebhookSignature.sign(SECRET, 42L, BODY) + ",v2=whatever";

        assertThat(WebhookSignature.verify(SECRET, header, BODY)).isTrue();
    }

    /** The reference computation, with the JDK's Mac directly. */
    static final class Hmac {
        static String hex(String secret, String content) {
            try {
                var mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(
                        secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
                return java.util.HexFormat.of()
                        .formatHex(mac.doFinal(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
