package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.transaction.TransactionManager;
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
        // A pass every 5 s on the test server (arquillian.xml; 15 s by default, jms-config/server.cli).
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

    /**
     * The three leftovers of a transaction cut short, staged together so that they share the
     * recovery passes they wait for (5 s apart on the test server, arquillian.xml):
     *
     * <ul>
     *   <li>a record whose branch the broker committed before the failure: finished. Without the scan
     *       Narayana keeps it for ever, warning ARJUNA016037 on each pass (checked with the scan's
     *       registration commented out: the record was still there after 90 s);
     *   <li>a record whose branch the broker still holds prepared: committed, never dropped. The pooled
     *       branch committed, so both messages must arrive;
     *   <li>the failback's orphan (cluster runs 6 and 11): a branch prepared, the next one's prepare
     *       refused and the first one's rollback refused too, so Narayana gives the transaction up
     *       without a record. Presumed abort must roll it back once it has been listed for 20 s.
     * </ul>
     */
    @Test
    void everyLeftoverOfATransactionCutShortIsResolvedByRecovery() throws Exception {
        var committed = UUID.randomUUID();
        var committedRecord = commitFailing(committed, true);
        assertThat(firstOf(parking, committed)).as("the branch was committed").isNotNull();
        var pending = UUID.randomUUID();
        var pendingRecord = commitFailing(pending, false);
        var orphaned = UUID.randomUUID();
        try (var orphan = new Orphan(orphaned)) {

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(committedRecord)
                                .as("the committed branch's record")
                                .doesNotExist();
                        assertThat(pendingRecord)
                                .as("the prepared branch's record")
                                .doesNotExist();
                        assertThat(count(pending))
                                .as("the prepared branch's message")
                                .isEqualTo(2);
                        assertThat(prepared(orphan.branch)).as("the orphan").isFalse();
                    });
            assertThat(count(orphaned))
                    .as("the orphan was rolled back, not committed")
                    .isZero();
        }
        drain(parking, committed);
        drain(parking, pending);
    }

    /** Stages the orphan; its connections stay open until closed, to ask the broker about it. */
    private final class Orphan implements AutoCloseable {

        private final ActiveMQXAConnectionFactory broker = new ActiveMQXAConnectionFactory("vm://0");
        private final jakarta.jms.XAConnection first;
        private final jakarta.jms.XAConnection second;
        final FailingCommit branch;

        Orphan(UUID correlation) throws Exception {
            first = broker.createXAConnection();
            second = broker.createXAConnection();
            var firstSession = first.createXASession();
            var secondSession = second.createXASession();
            var nodeId = ((ClientSessionInternal) ((ActiveMQSession) firstSession).getCoreSession()).getNodeId();
            branch = new FailingCommit(firstSession.getXAResource(), "java:/JmsXA NodeId:" + nodeId, false);
            branch.failRollbacks = 1;
            var refusing = new FailingCommit(secondSession.getXAResource(), "java:/JmsXA NodeId:" + nodeId, false);
            refusing.failPrepares = 1;

            transactions.begin();
            var transaction = transactions.getTransaction();
            transaction.enlistResource(branch);
            transaction.enlistResource(refusing);
            var message = firstSession.createTextMessage("{}");
            message.setJMSCorrelationID(correlation.toString());
            firstSession.createProducer(parking).send(message);
            secondSession.createProducer(parking).send(secondSession.createTextMessage("{}"));
            try {
                transactions.commit();
            } catch (Exception expected) {
                // rolled back: the second branch refused to prepare
            }
            assertThat(branch.prepared).as("the first branch was prepared").isNotNull();
            assertThat(prepared(branch))
                    .as("the broker holds the orphan after the failed rollback")
                    .isTrue();
        }

        @Override
        public void close() throws JMSException {
            try (first;
                    second) {
                broker.close();
            }
        }
    }

    private static boolean prepared(FailingCommit branch) throws XAException {
        var wanted = new XidKey(branch.prepared);
        for (var xid : branch.broker.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            if (new XidKey(xid).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private record XidKey(int format, java.util.List<Byte> global, java.util.List<Byte> branch) {
        XidKey(Xid xid) {
            this(xid.getFormatId(), bytes(xid.getGlobalTransactionId()), bytes(xid.getBranchQualifier()));
        }

        private static java.util.List<Byte> bytes(byte[] array) {
            var list = new java.util.ArrayList<Byte>(array.length);
            for (var b : array) {
                list.add(b);
            }
            return list;
        }
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
     * or without; and, when asked, prepares and rollbacks that fail the same way. Not serializable: recovery must find the branch on a scan, as after a crash.
     */
    static final class FailingCommit implements XAResourceWrapper {

        final XAResource broker;
        private final String name;
        private final boolean committedFirst;
        final AtomicInteger commits = new AtomicInteger();
        /** How many prepares and rollbacks answer XAER_RMFAIL before the broker is asked. */
        volatile int failPrepares;

        volatile int failRollbacks;
        /** The branch's Xid once prepared. */
        volatile Xid prepared;

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
            if (failPrepares > 0) {
                failPrepares--;
                throw new XAException(XAException.XAER_RMFAIL);
            }
            var vote = broker.prepare(xid);
            prepared = xid;
            return vote;
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            if (failRollbacks > 0) {
                failRollbacks--;
                throw new XAException(XAException.XAER_RMFAIL);
            }
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
