package org.switchboard.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.payments.control.WebhookSignatures.Refused;
import org.switchboard.payments.entity.KeySlot;
import org.switchboard.payments.entity.NotificationKind;
import org.switchboard.payments.entity.Refusal;

class WebhookSignaturesTest {

    static final Instant NOW = Instant.parse("2026-12-02T09:41:07Z");
    static final String TS = Long.toString(NOW.getEpochSecond());
    static final byte[] BODY = ("{\"eventId\":\"e-1\",\"type\":\"payment.settled\",\"payment\":"
                    + "{\"reference\":\"9a4c2e7b-6d1f-4a38-b5e0-1c7f3d9e2b64\",\"status\":\"AUTHORISED\"}}")
            .getBytes(StandardCharsets.UTF_8);
    static final Duration WINDOW = Duration.ofMinutes(5);

    static KeySlot verify(String timestamp, String signature, byte[] body) {
        return WebhookSignatures.verify(
                Optional.of("current-secret"), Optional.of("previous-secret"), WINDOW, timestamp, signature, body, NOW);
    }

    @Test
    void acceptsTheCurrentAndThePreviousSecretAndSaysWhich() {
        assertThat(verify(TS, WebhookSignatures.sign("current-secret", TS, BODY), BODY))
                .isEqualTo(KeySlot.CURRENT);
        assertThat(verify(TS, WebhookSignatures.sign("previous-secret", TS, BODY), BODY))
                .isEqualTo(KeySlot.PREVIOUS);
    }

    @Test
    void refusesARotatedOutSecretAChangedBodyAndAChangedTimestamp() {
        assertRefused(
                () -> verify(TS, WebhookSignatures.sign("retired-secret", TS, BODY), BODY), Refusal.BAD_SIGNATURE);
        var changed = new String(BODY, StandardCharsets.UTF_8)
                .replace("AUTHORISED", "DECLINED")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(
                () -> verify(TS, WebhookSignatures.sign("current-secret", TS, BODY), changed), Refusal.BAD_SIGNATURE);
        var later = Long.toString(NOW.getEpochSecond() + 1);
        assertRefused(
                () -> verify(later, WebhookSignatures.sign("current-secret", TS, BODY), BODY), Refusal.BAD_SIGNATURE);
        assertRefused(() -> verify(TS, null, BODY), Refusal.BAD_SIGNATURE);
        assertRefused(() -> verify(TS, "sha256=not-hex", BODY), Refusal.BAD_SIGNATURE);
    }

    @Test
    void refusesATimestampOutsideTheWindowEitherWay() {
        var old = Long.toString(NOW.minus(WINDOW).minusSeconds(1).getEpochSecond());
        assertRefused(() -> verify(old, WebhookSignatures.sign("current-secret", old, BODY), BODY), Refusal.STALE);
        var ahead = Long.toString(NOW.plus(WINDOW).plusSeconds(1).getEpochSecond());
        assertRefused(() -> verify(ahead, WebhookSignatures.sign("current-secret", ahead, BODY), BODY), Refusal.STALE);
        var edge = Long.toString(NOW.minus(WINDOW).getEpochSecond());
        assertThat(verify(edge, WebhookSignatures.sign("current-secret", edge, BODY), BODY))
                .isEqualTo(KeySlot.CURRENT);
        assertRefused(() -> verify("yesterday", "sha256=00", BODY), Refusal.MALFORMED);
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        assertRefused(
                () -> WebhookSignatures.verify(
                        Optional.empty(),
                        Optional.empty(),
                        WINDOW,
                        TS,
                        WebhookSignatures.sign("x", TS, BODY),
                        BODY,
                        NOW),
                Refusal.NOT_CONFIGURED);
    }

    @Test
    void readsANotificationAndRefusesWhatItCannotRead() {
        var notification = WebhookReceipts.read("e-1", BODY).orElseThrow();
        assertThat(notification.kind()).isEqualTo(NotificationKind.SETTLED);
        assertThat(notification.status()).isEqualTo("AUTHORISED");
        assertThat(notification.reason()).isEmpty();
        assertThat(WebhookReceipts.read(null, "{\"eventId\":\"e-2\",\"type\":\"payment.refunded\"}".getBytes()))
                .isEmpty();
        assertRefused(() -> WebhookReceipts.read("e-other", BODY), Refusal.MALFORMED);
        assertRefused(() -> WebhookReceipts.read(null, "not json".getBytes()), Refusal.MALFORMED);
        assertRefused(
                () -> WebhookReceipts.read(
                        null,
                        "{\"eventId\":\"e-3\",\"type\":\"payment.settled\",\"payment\":{\"reference\":\"ord-1\",\"status\":\"AUTHORISED\"}}"
                                .getBytes()),
                Refusal.MALFORMED);
        assertRefused(
                () -> WebhookReceipts.read(
                        null,
                        "{\"eventId\":\"e-4\",\"type\":\"payment.settled\",\"payment\":{\"reference\":\"9a4c2e7b-6d1f-4a38-b5e0-1c7f3d9e2b64\",\"status\":\"PAID\"}}"
                                .getBytes()),
                Refusal.MALFORMED);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Refusal refusal) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refused.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
