package org.switchboard.operations.deadletters.boundary;

import org.switchboard.operations.deadletters.entity.QueueLedger;

/**
 * One dead-letter queue's books as operators see them (see {@link QueueLedger}): since the broker
 * started, what came, what left, how much of that approved requests replayed or deleted, and what
 * left outside four-eyes.
 */
public record LedgerView(
        String queue, long messages, long added, long removed, long removedBySwitchboard, long removedOutside) {

    static LedgerView of(QueueLedger l) {
        return new LedgerView(
                l.queue(), l.messages(), l.added(), l.removed(), l.removedBySwitchboard(), l.removedOutside());
    }
}
