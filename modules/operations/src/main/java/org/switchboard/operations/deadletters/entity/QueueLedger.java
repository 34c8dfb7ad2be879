package org.switchboard.operations.deadletters.entity;

/**
 * One dead-letter queue's books since the broker started: what its counters say came and went,
 * against what Switchboard's audit trail says it replayed or deleted. Whatever else left it left
 * outside four-eyes.
 *
 * @param queue the dead-letter queue, by the broker's name
 * @param messages in it now
 * @param added messages added since the broker started
 * @param removed messages that left it since (acknowledged, killed or expired, in the broker's words)
 * @param removedBySwitchboard replayed or deleted by approved requests since
 * @param removedOutside the rest: removed outside four-eyes (audited once seen in two checks running)
 */
public record QueueLedger(
        String queue, long messages, long added, long removed, long removedBySwitchboard, long removedOutside) {}
