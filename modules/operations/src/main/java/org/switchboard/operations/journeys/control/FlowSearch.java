package org.switchboard.operations.journeys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.switchboard.messaging.BrokerAddresses;
import org.switchboard.messaging.Destinations;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.control.QueueBrowser;
import org.switchboard.operations.broker.entity.Located;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.journeys.entity.JourneyStep;

/**
 * Where one flow's messages are in the broker right now: waiting, being delivered, waiting for a
 * redelivery, parked in a dead-letter or expiry queue; and its journey notes not yet recorded. What
 * it cannot see it says: queues holding more waiting messages than the broker scans per query.
 */
@ApplicationScoped
public class FlowSearch {

    static final String NOTES = "jms.queue.ops.journey";
    static final String FAILED_NOTES = "jms.queue.DLQ.ops.journey";

    /** Messages of one flow shown per queue; a flow has a handful. */
    static final int MAX_PER_QUEUE = 100;

    /**
     * What the broker holds of a flow.
     *
     * @param live the flow's messages in queues, oldest first
     * @param notesPending its journey notes still waiting in {@code ops.journey}
     * @param partlySearched queues (JMS name and waiting count) too deep to search in full
     */
    public record Found(List<JourneyStep> live, int notesPending, List<String> partlySearched) {}

    @Inject
    BrokerQueues broker;

    @Inject
    @JMSConnectionFactory("java:/jms/operations/JmsXA")
    JMSContext jms;

    public Found of(UUID correlationId) {
        var live = new ArrayList<JourneyStep>();
        var notesPending = 0;
        var partlySearched = new ArrayList<String>();
        var notes = new ArrayList<QueueSample>();
        for (var queue : broker.survey()) {
            if (NOTES.equals(queue.address())) {
                notes.add(queue);
                continue;
            }
            var load = queue.load();
            if (load.depth() == 0 || FAILED_NOTES.equals(queue.address())) {
                continue;
            }
            var waiting = load.waiting();
            // A JMS queue is browsed with a selector, which the broker applies to the whole queue,
            // paged messages included; a subscription can only be listed through its MBean, which
            // scans a limited number of messages.
            var browsed = waiting > 0 ? browse(queue, correlationId) : null;
            if (browsed != null) {
                browsed.forEach(located -> live.add(LiveSteps.of(queue, located)));
            } else if (waiting > BrokerAddresses.browsePageSize(queue.address())) {
                partlySearched.add(Destinations.jmsName(queue.queue()) + " (" + waiting + " waiting)");
            }
            for (var located : broker.find(
                    queue.queue(),
                    correlationId,
                    waiting > 0 && browsed == null,
                    load.scheduled() > 0,
                    load.inFlight() > 0)) {
                live.add(LiveSteps.of(queue, located));
            }
        }
        // The notes last, whatever their queue's depth was at the survey: a message handled while its
        // queue was searched sent its note with the acknowledgement, so the note is found here, or
        // recorded before the caller reads the recorded ones (after this search).
        for (var queue : notes) {
            notesPending +=
                    broker.find(queue.queue(), correlationId, true, false, true).size();
        }
        live.sort(
                Comparator.comparing(step -> step.sending().sentAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        return new Found(List.copyOf(live), notesPending, List.copyOf(partlySearched));
    }

    /** The flow's waiting messages in a JMS queue, or null when the queue cannot be browsed. */
    private List<Located> browse(QueueSample queue, UUID correlationId) {
        if (queue.kind() == QueueKind.SUBSCRIPTION) {
            return null;
        }
        try {
            return new QueueBrowser(jms)
                    .ofFlow(queue.queue(), correlationId, MAX_PER_QUEUE).stream()
                            .map(message -> LiveSteps.located(queue.queue(), message))
                            .toList();
        } catch (RuntimeException e) {
            // No JNDI name (an auto-created queue): the MBean lists it instead.
            return null;
        }
    }
}
