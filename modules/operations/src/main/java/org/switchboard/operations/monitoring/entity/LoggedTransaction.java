package org.switchboard.operations.monitoring.entity;

import java.time.Instant;
import java.util.List;

/**
 * A transaction in Narayana's log (its object store): one whose second phase has not finished, or
 * whose outcome was heuristic.
 *
 * @param id the log's id, the one {@code /subsystem=transactions/log-store=log-store/transactions=<id>} takes
 * @param since when the log record was written (now minus its age)
 */
public record LoggedTransaction(String id, Instant since, List<Participant> participants) {

    /**
     * One branch of it.
     *
     * @param resource the datasource's or connection factory's JNDI name, or the product, as the log knows it
     * @param status Narayana's word: PREPARED, PENDING, FAILED, HEURISTIC or READONLY
     */
    public record Participant(String resource, String status) {}

    /** A participant ended heuristically: recovery will never finish it, a person must. */
    public boolean heuristic() {
        return participants.stream().anyMatch(p -> "HEURISTIC".equals(p.status()));
    }
}
