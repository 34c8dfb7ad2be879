package org.switchboard.operations.journeys.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.operations.journeys.control.FlowSearch;
import org.switchboard.operations.journeys.control.JourneyJournal;
import org.switchboard.operations.journeys.control.JourneySummary;

/**
 * "Where is my registration?": every message of one flow, from the journey notes (how each delivery
 * that committed ended) and from the broker (which messages of the flow are in a queue now). Every
 * operations role may look.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class Journeys {

    @Inject
    JourneyJournal journal;

    @Inject
    FlowSearch search;

    /** Reads only: no transaction is held across the broker queries. Empty when nothing of the flow is known. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Journey> of(UUID correlationId) {
        // The broker before the recorded notes, in the order a note travels: a note the ingest takes
        // between the two reads is then seen recorded, never missed by both (the ingest holds a batch
        // for up to 100 ms before it records it).
        var found = search.of(correlationId);
        var steps = new ArrayList<>(journal.of(correlationId));
        steps.addAll(found.live());
        if (steps.isEmpty()
                && found.notesPending() == 0
                && found.partlySearched().isEmpty()) {
            return Optional.empty();
        }
        var summary = JourneySummary.of(steps, found.notesPending(), found.partlySearched());
        return Optional.of(new Journey(
                correlationId,
                summary.status(),
                summary.lines(),
                List.copyOf(steps),
                found.notesPending(),
                found.partlySearched()));
    }
}
