package org.switchboard.operations.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.broker.entity.Seen;

class ReconciliationTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";

    final Reconciliation reconciliation = new Reconciliation();

    @Test
    void aRemovalNoRequestExplainsIsFoundOnceTwoChecksSeeIt() {
        // 5 came, 2 were replayed by approved requests, 1 was removed through JMX: 2 remain.
        var queue = dlq(5, 2, 1, 2);
        var ours = Map.of(DLQ, 2L);

        var first = reconciliation.check(List.of(queue), ours, Map.of()).get(0);
        var second = reconciliation.check(List.of(queue), ours, Map.of()).get(0);
        var afterAudit =
                reconciliation.check(List.of(queue), ours, Map.of(DLQ, 1L)).get(0);

        assertThat(first.newlyOutside())
                .as("not yet: a request's audit entry may still be on its way")
                .isZero();
        assertThat(first.ledger().removedOutside()).isEqualTo(1);
        assertThat(second.newlyOutside()).isEqualTo(1);
        assertThat(afterAudit.newlyOutside()).as("audited once").isZero();
        assertThat(afterAudit.ledger().removedOutside()).isEqualTo(1);
        assertThat(afterAudit.ledger().removedBySwitchboard()).isEqualTo(2);
    }

    @Test
    void aReplayAuditedAMomentAfterTheBrokerMovedItIsNoFinding() {
        var replayedNotYetAudited = reconciliation.check(List.of(dlq(3, 1, 0, 2)), Map.of(), Map.of());
        var audited = reconciliation.check(List.of(dlq(3, 1, 0, 2)), Map.of(DLQ, 1L), Map.of());

        assertThat(replayedNotYetAudited.get(0).newlyOutside()).isZero();
        assertThat(audited.get(0).newlyOutside()).isZero();
        assertThat(audited.get(0).ledger().removedOutside()).isZero();
    }

    @Test
    void aDeletionCountsAsRemovedWhicheverCounterTheBrokerUses() {
        var deleted = dlq(2, 0, 1, 1);

        assertThat(Reconciliation.ledger(deleted, Map.of(DLQ, 1L), Map.of()).removedOutside())
                .isZero();
        assertThat(Reconciliation.ledger(deleted, Map.of(), Map.of()).removedOutside())
                .isEqualTo(1);
    }

    private static QueueSample dlq(long added, long acknowledged, long killed, long depth) {
        return new QueueSample(
                DLQ,
                DLQ,
                QueueKind.DEAD_LETTER,
                null,
                new Load(depth, 0, 0, 0, null, false),
                new Counters(added, acknowledged, killed, 0),
                new Seen("embedded", Map.of(), Instant.now()));
    }
}
