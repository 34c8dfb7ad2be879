package org.switchboard.operations.deadletters.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.control.QueueBrowser;
import org.switchboard.operations.broker.control.QueueKinds;
import org.switchboard.operations.broker.entity.BrowsedMessage;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.deadletters.control.PersonalData;
import org.switchboard.operations.foureyes.control.AuditTrail;
import org.switchboard.operations.foureyes.entity.AuditAction;

/**
 * Dead-letter triage: every dead letter in every dead-letter queue, grouped by where it came from
 * and why, with personal data masked. Every operations role may look; only operators and approvers
 * may {@link #reveal} a body as it is, and each time they do is audited.
 */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class DeadLetterTriage {

    private static final System.Logger LOG = System.getLogger(DeadLetterTriage.class.getName());

    /**
     * Dead letters shown per queue: the broker's management operations (retry, remove by id) scan
     * that many messages of a queue (Artemis' management-browse-page-size, 200 by default, which
     * WildFly's address settings do not expose), so what is shown can also be acted on.
     */
    static final int LIMIT_PER_QUEUE = 200;

    @Inject
    @JMSConnectionFactory("java:/jms/operations/JmsXA")
    JMSContext jms;

    @Inject
    BrokerQueues broker;

    @Inject
    AuditTrail audit;

    @Inject
    FourEyesWatch watch;

    @Resource
    SessionContext context;

    public List<DeadLetterGroup> groups() {
        var browser = new QueueBrowser(jms);
        var groups = new LinkedHashMap<List<String>, List<DeadLetter>>();
        for (var queue : broker.survey()) {
            if (queue.kind() != QueueKind.DEAD_LETTER || queue.load().depth() == 0) {
                continue;
            }
            List<BrowsedMessage> browsed;
            try {
                browsed = browser.browse(queue.queue(), LIMIT_PER_QUEUE);
            } catch (RuntimeException e) {
                // A dead-letter queue without a JNDI name (auto-created): counted by the monitor,
                // not browsable here; the others still show.
                LOG.log(System.Logger.Level.WARNING, "Cannot browse {0}: {1}", queue.queue(), e.toString());
                continue;
            }
            for (var message : browsed) {
                var key = Arrays.asList(
                        queue.queue(),
                        message.origin().originalAddress(),
                        message.origin().originalQueue(),
                        message.failure().reason());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(masked(queue.queue(), message));
            }
        }
        var result = new ArrayList<DeadLetterGroup>();
        groups.forEach((key, messages) -> result.add(
                new DeadLetterGroup(key.get(0), key.get(1), key.get(2), key.get(3), messages.size(), messages)));
        return result;
    }

    /**
     * Every dead-letter queue's books: the broker's counters against the replays and deletions of
     * approved requests; what else left a queue left it outside four-eyes.
     */
    public List<LedgerView> ledgers() {
        return watch.ledgers().stream().map(LedgerView::of).toList();
    }

    /**
     * One dead letter, by its JMS message id, its body masked; empty when there is none such. The
     * queue by its JMS name or the broker's, as for requests.
     */
    public Optional<DeadLetter> message(String queueName, String id) {
        var queue = QueueKinds.coreName(queueName);
        return find(queue, id).map(message -> masked(queue, message));
    }

    /**
     * One dead letter with its body as it is, personal data and all: for operators and approvers,
     * and audited (who looked at whose personal data, and when) whether or not it is still there.
     */
    @RolesAllowed({"operator", "approver"})
    public Optional<DeadLetter> reveal(String queueName, String id) {
        var queue = QueueKinds.coreName(queueName);
        if (!QueueBrowser.isMessageId(id) || !broker.isDeadLetterQueue(queue)) {
            return Optional.empty();
        }
        audit.record(caller(), AuditAction.REVEALED, null, queue, id, null);
        return browse(queue, id).map(message -> new DeadLetter(queue, message, false));
    }

    private Optional<BrowsedMessage> find(String queue, String id) {
        if (!QueueBrowser.isMessageId(id) || !broker.isDeadLetterQueue(queue)) {
            return Optional.empty();
        }
        return browse(queue, id);
    }

    private Optional<BrowsedMessage> browse(String queue, String id) {
        try {
            return new QueueBrowser(jms).byId(queue, id);
        } catch (IllegalArgumentException e) {
            // A dead-letter queue without a JNDI name: nothing to show.
            return Optional.empty();
        }
    }

    private static DeadLetter masked(String queue, BrowsedMessage message) {
        return new DeadLetter(queue, message.withBody(PersonalData.mask(message.body())), true);
    }

    private String caller() {
        return context.getCallerPrincipal().getName().toLowerCase(Locale.ROOT);
    }
}
