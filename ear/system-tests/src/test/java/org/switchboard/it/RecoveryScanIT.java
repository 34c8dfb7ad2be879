package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.transaction.TransactionManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.core.client.impl.ClientSessionInternal;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.jboss.tm.XAResourceWrapper;
import org.junit.jupiter.api.Test;
import org.switchboard.operations.recovery.BrokerRecoveryScan;

/**
 * Narayana's recovery passes ask the broker under every factory's name, so that a record of a
 * transaction killed in its commit phase, whose branches the broker already committed, is finished
 * instead of retried for ever (ARJUNA016037); and a record whose branch the broker still holds
 * prepared is committed, never dropped (docs/adr/0017).
 *
 * <p>A process killed in its commit phase is staged without killing the server: a broker branch
 * enlisted through {@link FailingCommit} answers its first commit with XAER_RMFAIL, the error of a
 * broker that went away, either after committing or without. Narayana then keeps the record for
 * recovery, exactly as after a kill.
 */
class RecoveryScanIT extends InContainerTest {

    @EJB
    BrokerRecoveryScan scan;

    @Resource(lookup = "java:/TransactionManager")
    TransactionManager transactions;

    /** The layer's pooled factory: a second broker branch, so that the transaction has two phases. */
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory pooled;

    /** No consumer reads it: what the test sends stays until the test takes it. */
    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue parking;

    @Test
    void eachRecoveryPassAsksTheBrokerUnderEveryContextsFactoryName() {
        // A pass every 15 s (jms-config/server.cli); the first one may be under way.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(scan.answeredLastPass())
                        .anySatisfy(name -> assertThat(name).startsWith("java:/jms/ordering/JmsXA NodeId:")));

        var answered = scan.answeredLastPass();
        for (var context : new String[] {"webstore", "integration", "marketing", "operations", "ordering"}) {
            assertThat(answered)
                    .as("the broker answered under " + context + "'s factory")
                    .anySatisfy(name -> assertThat(name).startsWith("java:/jms/" + context + "/JmsXA NodeId:"));
        }
        var nodeIds = answered.stream()
                .filter(name -> name.startsWith("java:/jms/"))
                .map(name -> name.substring(name.indexOf(" NodeId:")))
                .distinct()
                .toList();
        assertThat(nodeIds).as("one broker, one node id").hasSize(1);
        assertThat(nodeIds.get(0)).matches(" NodeId:[0-9a-f-]{36}");
    }

    @Test
    void aRecordWhoseBranchTheBrokerCommittedBeforeTheCrashIsFinished() throws Exception {
        var correlation = UUID.randomUUID();
        var record = commitFailing(correlation, true);

        assertThat(firstOf(parking, correlation)).as("the branch was committed").isNotNull();
        // Without the scan Narayana keeps this record for ever, warning ARJUNA016037 on each pass.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !Files.exists(record));
        drain(parking, correlation);
    }

    @Test
    void aRecordWhoseBranchTheBrokerStillHoldsPreparedIsCommittedNotDropped() throws Exception {
        var correlation = UUID.randomUUID();
        var record = commitFailing(correlation, false);

        assertThat(Files.exists(record)).isTrue();
        // Both messages or neither: the pooled branch committed, so recovery must commit the other.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !Files.exists(record));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(correlation) == 2);
        drain(parking, correlation);
    }

    /**
     * Sends two messages of one flow in one transaction, one through the pooled factory and one through
     * a branch whose first commit fails; answers the transaction's record in the object store.
     */
    private Path commitFailing(UUID correlation, boolean committedFirst) throws Exception {
        var broker = new ActiveMQXAConnectionFactory("vm://0");
        try (var connection = broker.createXAConnection()) {
            var session = connection.createXASession();
            var nodeId = ((ClientSessionInternal) ((ActiveMQSession) session).getCoreSession()).getNodeId();
            var failing = new FailingCommit(session.getXAResource(), "java:/JmsXA NodeId:" + nodeId, committedFirst);

            transactions.begin();
            var transaction = transactions.getTransaction();
            transaction.enlistResource(failing);
            var message = session.createTextMessage("{}");
            message.setJMSCorrelationID(correlation.toString());
            session.createProducer(parking).send(message);
            try (var jms = pooled.createContext()) {
                jms.createProducer().setJMSCorrelationID(correlation.toString()).send(parking, "{}");
            }
            var id = transaction.toString();
            try {
                transactions.commit();
            } catch (Exception expected) {
                // Narayana may report the failed branch; the record stays for recovery either way.
            }
            assertThat(failing.commits.get())
                    .as("the failing branch was asked to commit")
                    .isEqualTo(1);
            var uid = java.util.regex.Pattern.compile("\\d+:[0-9a-f]+:-?[0-9a-f]+:[0-9a-f]+:[0-9a-f]+")
                    .matcher(id);
            assertThat(uid.find()).as("a transaction id in " + id).isTrue();
            var record = store().resolve(uid.group().replace(':', '_'));
            assertThat(record)
                    .as("Narayana keeps the transaction's record for recovery")
                    .exists();
            return record;
        } finally {
            broker.close();
        }
    }

    private long count(UUID correlation) throws JMSException {
        try (var context = connectionFactory.createContext();
                var browser = context.createBrowser(parking, "JMSCorrelationID = '" + correlation + "'")) {
            return java.util.Collections.list(browser.getEnumeration()).size();
        }
    }

    private static Path store() {
        return Path.of(
                System.getProperty("jboss.server.data.dir"),
                "tx-object-store/ShadowNoFileLockStore/defaultStore/StateManager/BasicAction/TwoPhaseCoordinator/AtomicAction");
    }

    /**
     * A broker branch under a factory's name whose first commit answers XAER_RMFAIL, after committing
     * or without. Not serializable: recovery must find the branch on a scan, as after a crash.
     */
    static final class FailingCommit implements XAResourceWrapper {

        private final XAResource broker;
        private final String name;
        private final boolean committedFirst;
        final AtomicInteger commits = new AtomicInteger();

        FailingCommit(XAResource broker, String name, boolean committedFirst) {
            this.broker = broker;
            this.name = name;
            this.committedFirst = committedFirst;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            if (commits.incrementAndGet() == 1) {
                if (committedFirst) {
                    broker.commit(xid, onePhase);
                }
                throw new XAException(XAException.XAER_RMFAIL);
            }
            broker.commit(xid, onePhase);
        }

        @Override
        public XAResource getResource() {
            return broker;
        }

        @Override
        public String getProductName() {
            return "ActiveMQ Artemis";
        }

        @Override
        public String getProductVersion() {
            return "test";
        }

        @Override
        public String getJndiName() {
            return name;
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            broker.start(xid, flags);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            broker.end(xid, flags);
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return broker.prepare(xid);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            broker.rollback(xid);
        }

        @Override
        public void forget(Xid xid) throws XAException {
            broker.forget(xid);
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return broker.recover(flag);
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return broker.getTransactionTimeout();
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return broker.setTransactionTimeout(seconds);
        }
    }
}
