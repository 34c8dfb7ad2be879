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

/**
 * Dead-letter triage: every dead letter in every dead-letter queue, grouped by where it came from
 * and why, with personal data masked unless the caller may and does ask to reveal it.
 */
@Stateless
public class DeadLetterTriage {

    static final int LIMIT_PER_QUEUE = 500;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Inject
    QueueMonitor monitor;

    public List<DeadLetterGroup> groups() {
        var browser = new DeadLetterBrowser(jms);
        var groups = new LinkedHashMap<List<String>, List<DeadLetter>>();
        for (var queue : monitor.now()) {
            if (queue.kind() != QueueStatus.Kind.DEAD_LETTER || queue.depth() == 0) {
                continue;
            }
            for (var message : browser.browse(queue.queue(), null, LIMIT_PER_QUEUE)) {
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
        if (id == null || !id.matches("ID:[0-9a-fA-F-]+")) {
            return Optional.empty();
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
