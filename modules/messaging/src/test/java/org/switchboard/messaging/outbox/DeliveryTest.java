package org.switchboard.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Delay and time-to-live count from when a message is written, whenever the relay gets to send it. */
class DeliveryTest {

    static final Instant WRITTEN = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aStandardDeliveryIsImmediateAtDefaultPriorityAndNeverExpires() {
        var delivery = Delivery.standard();
        var scheduled =
                new Delivery.Scheduled(delivery.priority(), delivery.deliverAt(WRITTEN), delivery.expiresAt(WRITTEN));

        assertThat(scheduled.priority()).isEqualTo(4);
        assertThat(scheduled.remainingDelay(WRITTEN.plusSeconds(5))).isZero();
        assertThat(scheduled.remainingTimeToLive(WRITTEN.plusSeconds(5))).isZero();
    }

    @Test
    void theRelaySendsWhatIsLeftOfTheDelayAndTheTimeToLive() {
        var delivery = Delivery.standard()
                .withPriority(7)
                .delayedBy(Duration.ofSeconds(30))
                .expiringAfter(Duration.ofSeconds(60));
        var scheduled =
                new Delivery.Scheduled(delivery.priority(), delivery.deliverAt(WRITTEN), delivery.expiresAt(WRITTEN));

        var sentAt = WRITTEN.plusSeconds(10);
        assertThat(scheduled.priority()).isEqualTo(7);
        assertThat(scheduled.remainingDelay(sentAt)).isEqualTo(20_000);
        assertThat(scheduled.remainingTimeToLive(sentAt)).isEqualTo(50_000);
    }

    @Test
    void aMessageSentLateIsDeliveredAtOnceAndAnExpiredOneStillGoesToTheBrokerToExpireThere() {
        var delivery = Delivery.standard().delayedBy(Duration.ofSeconds(1)).expiringAfter(Duration.ofSeconds(2));
        var scheduled =
                new Delivery.Scheduled(delivery.priority(), delivery.deliverAt(WRITTEN), delivery.expiresAt(WRITTEN));

        var muchLater = WRITTEN.plusSeconds(60);
        assertThat(scheduled.remainingDelay(muchLater)).isZero();
        assertThat(scheduled.remainingTimeToLive(muchLater)).isEqualTo(1);
    }

    @Test
    void priorityIsAJmsPriority() {
        assertThatThrownBy(() -> Delivery.standard().withPriority(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Delivery.standard().delayedBy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
