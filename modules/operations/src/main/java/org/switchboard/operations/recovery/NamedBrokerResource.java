package org.switchboard.operations.recovery;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.jboss.tm.XAResourceWrapper;

/**
 * The broker's XA resource under the name Artemis gives the branches a factory enlists, so that
 * Narayana can tell that this resource manager was asked (see {@link BrokerRecoveryScan}).
 */
final class NamedBrokerResource implements XAResourceWrapper {

    /** The session of the current pass: each pass connects afresh, the name (and this object) stays. */
    private volatile XAResource broker;

    private final String name;

    NamedBrokerResource(XAResource broker, String name) {
        this.broker = broker;
        this.name = name;
    }

    /**
     * The same object from pass to pass, so that Narayana can follow a branch over two scans (it
     * rolls back an orphan it has seen twice) and knows which resource to finish it on.
     */
    void reconnect(XAResource session) {
        this.broker = session;
    }

    /** The name Artemis' resource adapter writes into each branch's record. */
    static String name(String factory, String nodeId) {
        return factory + " NodeId:" + nodeId;
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
        return "recovery scan";
    }

    @Override
    public String getJndiName() {
        return name;
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return broker.recover(flag);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        broker.commit(xid, onePhase);
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
    public int prepare(Xid xid) throws XAException {
        return broker.prepare(xid);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        broker.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        broker.end(xid, flags);
    }

    /**
     * Only itself. Narayana's recovery keys what each scan listed by resource, and merges the entries
     * of resources that say they are the same resource manager, keeping one of them. Every one of these
     * names, and WildFly's own recovery resource for the broker, is the same broker; WildFly's is a new
     * object each pass, so a merge could keep its fresh entry and drop the one that remembers since
     * when an orphan branch has been listed. Presumed abort rolls an orphan back only once it has
     * been listed for the safety interval, so orphans stayed prepared for ever (cluster run 11;
     * {@code RecoveryScanIT}). This resource is never enlisted in a transaction, where the answer
     * would matter otherwise.
     */
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

    @Override
    public String toString() {
        return "NamedBrokerResource[" + name + "]";
    }
}
