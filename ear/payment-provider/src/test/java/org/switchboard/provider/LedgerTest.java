package org.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger(Duration.ofHours(1), () -> 0.5);

    @Test
    void theSameKeyWithTheSameRequestChargesOnceAndReplaysTheAnswer() {
        var first = ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);
        var again = ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body().getString("status")).isEqualTo("AUTHORISED");
        assertThat(ledger.counters().getJsonObject("charges").getInt("order-1")).isEqualTo(1);
        assertThat(ledger.counters().getInt("replays")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422AndChargesNothingMore() {
        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        var reused = ledger.authorise("k1", "f2", "order-1", 2_000, "EUR", Behaviour.NORMAL);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(ledger.counters().getJsonNumber("chargesTotal").longValue()).isEqualTo(1);
    }

    @Test
    void aNewKeyForAReferenceInUseIsAConflictNotASecondCharge() {
        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        assertThat(ledger.authorise("k2", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL)
                        .status())
                .isEqualTo(409);
        assertThat(ledger.counters().getJsonNumber("chargesTotal").longValue()).isEqualTo(1);
    }

    @Test
    void aPendingPaymentIsChargedWhenItSettlesAndItsReplaySaysPendingUntilThen() {
        var pending = new Behaviour(0, 0, false, 1.0, Long.MAX_VALUE, 0);
        var now = new Ledger(Duration.ofMillis(50), () -> 0.5);

        var first = now.authorise("k1", "f1", "order-1", 1_000, "EUR", pending);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().getString("status")).isEqualTo("PENDING");
        assertThat(now.counters().getJsonNumber("chargesTotal").longValue()).isZero();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> now.authorise("k1", "f1", "order-1", 1_000, "EUR", pending)
                        .body()
                        .getString("status")
                        .equals("AUTHORISED"));
        assertThat(now.counters().getJsonObject("charges").getInt("order-1")).isEqualTo(1);
    }

    @Test
    void anAmountAboveTheLimitIsDeclinedAndNotCharged() {
        var strict = new Behaviour(0, 0, false, 0, 500, 0);

        var answer = ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", strict);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().getString("status")).isEqualTo("DECLINED");
        assertThat(ledger.counters().getJsonNumber("chargesTotal").longValue()).isZero();
    }

    @Test
    void aRefundVoidsAnAuthorisationAndIsIdempotent() {
        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        var voided = ledger.refund("r1", "g1", "order-1");
        var again = ledger.refund("r1", "g1", "order-1");

        assertThat(voided.body().getString("status")).isEqualTo("VOIDED");
        assertThat(again.replayed()).isTrue();
        assertThat(again.body().getString("status")).isEqualTo("VOIDED");
    }

    @Test
    void onlyAPaidPaymentCanBeChargedBackAndOnlyOnce() {
        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        assertThat(ledger.chargeBack("order-1", "Disputed"))
                .hasValueSatisfying(
                        payment -> assertThat(payment.getString("status")).isEqualTo("CHARGED_BACK"));
        assertThat(ledger.chargeBack("order-1", "Disputed")).isEmpty();
        assertThat(ledger.chargeBack("order-2", "Disputed")).isEmpty();
        assertThat(ledger.refund("r1", "g1", "order-1").body().getString("status"))
                .isEqualTo("CHARGED_BACK");
    }

    @Test
    void aCaptureThenARefundGivesTheMoneyBack() {
        ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        assertThat(ledger.capture("c1", "h1", "order-1").body().getString("status"))
                .isEqualTo("CAPTURED");
        assertThat(ledger.refund("r1", "g1", "order-1").body().getString("status"))
                .isEqualTo("REFUNDED");
    }

    @Test
    void aCancellationBeforeTheAuthorisationLeavesATombstoneSoTheLateAuthorisationChargesNothing() {
        ledger.refund("r1", "g1", "order-1");

        var late = ledger.authorise("k1", "f1", "order-1", 1_000, "EUR", Behaviour.NORMAL);

        assertThat(late.body().getString("status")).isEqualTo("VOIDED");
        assertThat(ledger.counters().getJsonNumber("chargesTotal").longValue()).isZero();
    }
}
