package org.switchboard.operations.deadletters.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.deadletters.entity.QueueLedger;

/**
 * Balances each dead-letter queue's broker counters against the audit trail. A message that left
 * a queue and that no approved request replayed or deleted left it outside four-eyes. A replay or
 * deletion changes the broker at once but is audited when its transaction commits a moment later,
 * so a difference counts only once two checks running see it: what both saw is the finding.
 * Checks come one at a time (the watch's timer).
 */
public class Reconciliation {

    /**
     * One queue after a check.
     *
     * @param newlyOutside messages to audit now as gone outside four-eyes (0: nothing new)
     */
    public record Finding(QueueLedger ledger, long newlyOutside) {}

    private final Map<String, Long> unexplainedBefore = new ConcurrentHashMap<>();

    /**
     * @param deadLetterQueues the dead-letter queues as the broker reports them now
     * @param bySwitchboard per queue, messages replayed or deleted since the broker started
     * @param audited per queue, messages already audited as gone outside four-eyes since then
     */
    public List<Finding> check(
            List<QueueSample> deadLetterQueues, Map<String, Long> bySwitchboard, Map<String, Long> audited) {
        var findings = new ArrayList<Finding>();
        for (var queue : deadLetterQueues) {
            var ledger = ledger(queue, bySwitchboard, audited);
            var unexplained = ledger.removedOutside() - audited.getOrDefault(queue.queue(), 0L);
            var before = unexplainedBefore.getOrDefault(queue.queue(), 0L);
            var confirmed = Math.max(0, Math.min(unexplained, before));
            unexplainedBefore.put(queue.queue(), Math.max(0, unexplained - confirmed));
            findings.add(new Finding(ledger, confirmed));
        }
        unexplainedBefore
                .keySet()
                .retainAll(deadLetterQueues.stream().map(QueueSample::queue).toList());
        return findings;
    }

    /** The books of one queue, without changing what the next check compares with. */
    public static QueueLedger ledger(QueueSample queue, Map<String, Long> bySwitchboard, Map<String, Long> audited) {
        var counters = queue.counters();
        var ours = bySwitchboard.getOrDefault(queue.queue(), 0L);
        var outside = Math.max(audited.getOrDefault(queue.queue(), 0L), counters.removed() - ours);
        return new QueueLedger(
                queue.queue(), queue.load().depth(), counters.messagesAdded(), counters.removed(), ours, outside);
    }
}
