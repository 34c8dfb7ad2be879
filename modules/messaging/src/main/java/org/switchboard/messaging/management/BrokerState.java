package org.switchboard.messaging.management;

/** What a managed broker does now, as far as its management connection tells. */
public enum BrokerState {
    /** Serves clients: it holds the queues and their messages. */
    ACTIVE,
    /** Runs, but waits as the backup of the active one (its management answers, its broker does not serve). */
    BACKUP,
    /** Its management does not answer: stopped, killed, or unreachable. */
    DOWN
}
