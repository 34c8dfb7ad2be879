package org.switchboard.operations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.switchboard.operations.control.DeadLetterBrowser;
import org.switchboard.operations.control.PersonalData;
import org.switchboard.operations.entity.AuditEntry;

/**
 * Dead-letter triage: every dead letter in every dead-letter queue, grouped by where it came from
 * and why, with personal data masked unless the caller may and does ask to reveal it.
 */
@Stateless
public class DeadLetterTriage {

    /**
     * Dead letters shown per queue: the broker's management operations (retry, remove by id) scan
     * that many messages of a queue (Artemis' management-browse-page-size, 200 by default, which
     * WildFly's address settings do not expose), so what is shown can also be acted on.
     */
    static final int LIMIT_PER_QUEUE = 200;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Inject
    QueueMonitor monitor;

    @jakarta.persistence.PersistenceContext(unitName = "operations")
    jakarta.persistence.EntityManager em;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    private static final System.Logger LOG = System.getLogger(DeadLetterTriage.class.getName());

    public List<DeadLetterGroup> groups() {
        var browser = new DeadLetterBrowser(jms);
        var groups = new LinkedHashMap<List<String>, List<DeadLetter>>();
        for (var queue : monitor.now()) {
            if (queue.kind() != QueueStatus.Kind.DEAD_LETTER || queue.depth() == 0) {
                continue;
            }
            List<DeadLetterBrowser.Browsed> browsed;
            try {
                browsed = browser.browse(queue.queue(), null, LIMIT_PER_QUEUE);
            } catch (RuntimeException e) {
                // A dead-letter queue without a JNDI name (auto-created): counted by the monitor,
                // not browsable here; the others still show.
                LOG.log(System.Logger.Level.WARNING, "Cannot browse {0}: {1}", queue.queue(), e.toString());
                continue;
            }
            for (var message : browsed) {
                var key = java.util.Arrays.asList(
                        queue.queue(), message.originalAddress(), message.originalQueue(), message.reason());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(view(queue.queue(), message, false));
            }
        }
        var result = new ArrayList<DeadLetterGroup>();
        groups.forEach((key, messages) -> result.add(
                new DeadLetterGroup(key.get(0), key.get(1), key.get(2), key.get(3), messages.size(), messages)));
        return result;
    }

    /** One dead letter, by its JMS message id; {@code reveal} shows the body unmasked. */
    public Optional<DeadLetter> message(String queue, String id, boolean reveal) {
        if (id == null || !id.matches(ActionRequests.MESSAGE_ID)) {
            return Optional.empty();
        }
        var isDeadLetterQueue = monitor.now().stream()
                .anyMatch(q -> q.queue().equals(queue) && q.kind() == QueueStatus.Kind.DEAD_LETTER);
        if (!isDeadLetterQueue) {
            return Optional.empty();
        }
        if (reveal) {
            // Who looked at whose personal data, and when.
            em.persist(new AuditEntry(
                    context.getCallerPrincipal().getName().toLowerCase(java.util.Locale.ROOT),
                    "REVEALED",
                    null,
                    queue,
                    id,
                    null,
                    java.time.Instant.now()));
        }
        var browser = new DeadLetterBrowser(jms);
        try {
            return browser.browse(queue, "JMSMessageID = '" + id + "'", 1).stream()
                    .findFirst()
                    .map(m -> view(queue, m, reveal));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static DeadLetter view(String queue, DeadLetterBrowser.Browsed m, boolean reveal) {
        return new DeadLetter(
                queue,
                m.id(),
                m.type(),
                m.schemaVersion(),
                m.correlationId(),
                m.messageId(),
                m.originalAddress(),
                m.originalQueue(),
                m.reason(),
                m.detail(),
                m.sentAt(),
                m.deadLetteredAt(),
                m.deliveryCount(),
                !reveal,
                reveal ? m.body() : PersonalData.mask(m.body()),
                m.properties());
    }
}
