package org.switchboard.operations.deadletters.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.switchboard.messaging.Destinations;
import org.switchboard.operations.broker.control.BrokerQueues;
import org.switchboard.operations.broker.entity.OutsideRemoval;
import org.switchboard.operations.broker.entity.QueueKind;
import org.switchboard.operations.broker.entity.QueueSample;
import org.switchboard.operations.deadletters.control.Reconciliation;
import org.switchboard.operations.deadletters.entity.QueueLedger;
import org.switchboard.operations.foureyes.control.AuditTrail;

/**
 * Watches that dead letters leave their queues only through four-eyes requests: on a timer (every
 * {@code switchboard.ops.sample-seconds}, default 5) it balances each dead-letter queue's broker
 * counters against the audit trail ({@link Reconciliation}). Messages removed some other way (the
 * management console or CLI, JMX, a JMS consumer) are audited as {@code CHANGED_OUTSIDE_FOUR_EYES}
 * and announced ({@link OutsideRemoval}) for the alerts. Who did it Switchboard cannot know: the
 * server's management audit log records the CLI's and the console's operations. The container's
 * timer calls it, as nobody; the webapp reads its ledgers through {@link DeadLetterTriage}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class FourEyesWatch {

    private static final System.Logger LOG = System.getLogger(FourEyesWatch.class.getName());

    private final Reconciliation reconciliation = new Reconciliation();

    @Inject
    BrokerQueues broker;

    @Inject
    AuditTrail audit;

    @Inject
    Event<OutsideRemoval> removals;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        var every = Duration.ofSeconds(Long.getLong("switchboard.ops.sample-seconds", 5));
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("four-eyes-watch", false));
    }

    /** One check, in one transaction: the audit entries and the events of what it found. */
    @Timeout
    void check() {
        try {
            var since = broker.startedAt();
            for (var finding : reconciliation.check(
                    deadLetterQueues(), audit.removedSince(since), audit.changedOutsideSince(since))) {
                if (finding.newlyOutside() > 0) {
                    record(finding.ledger(), finding.newlyOutside());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Dead-letter queues not balanced this time: {0}", e.toString());
        }
    }

    /** Every dead-letter queue's books now. */
    public List<QueueLedger> ledgers() {
        var since = broker.startedAt();
        var ours = audit.removedSince(since);
        var audited = audit.changedOutsideSince(since);
        return deadLetterQueues().stream()
                .map(queue -> Reconciliation.ledger(queue, ours, audited))
                .toList();
    }

    private void record(QueueLedger ledger, long messages) {
        var detail = messages + " dead letter(s) left " + Destinations.jmsName(ledger.queue())
                + " without a four-eyes request (management console or CLI, JMX, or a JMS consumer). Since the"
                + " broker started: " + ledger.added() + " added, " + ledger.removed() + " removed, "
                + ledger.removedBySwitchboard() + " of them replayed or deleted by approved requests; "
                + ledger.messages() + " in it now. Who: see the server's management audit log.";
        audit.changedOutside(ledger.queue(), messages, detail);
        LOG.log(System.Logger.Level.ERROR, "Changed outside four-eyes: {0}", detail);
        removals.fire(new OutsideRemoval(ledger.queue(), messages, Instant.now()));
    }

    private List<QueueSample> deadLetterQueues() {
        return broker.survey().stream()
                .filter(queue -> queue.kind() == QueueKind.DEAD_LETTER)
                .toList();
    }
}
