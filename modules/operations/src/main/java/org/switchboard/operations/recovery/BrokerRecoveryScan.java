package org.switchboard.operations.recovery;

import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NameClassPair;
import javax.naming.NamingException;
import javax.transaction.xa.XAResource;
import org.apache.activemq.artemis.core.client.impl.ClientSessionInternal;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Lets Narayana finish a transaction that was killed in its commit phase once the broker has
 * finished it too (docs/scale-out.md, "Recovery against the remote broker").
 *
 * <p>Narayana logs a two-phase transaction before its commit phase. When the process dies during
 * that phase, the log keeps the record, and recovery replays commit on each branch it can find on a
 * resource manager's recovery scan. A branch the broker has committed already is on no scan, so
 * Narayana needs to know that the broker was asked and did not list it: it then treats the branch
 * as complete and deletes the record. It knows that only for resources named like the record, by
 * {@link org.jboss.tm.XAResourceWrapper#getJndiName()}. Artemis names every enlisted branch
 * {@code <factory's JNDI name> NodeId:<broker's node id>}, but the recovery resource WildFly registers
 * for the broker carries no name, so such a record stayed for ever, retried with ARJUNA016037 on
 * every pass (up to 4 after each node or broker kill under load).
 *
 * <p>This helper gives Narayana, on each recovery pass, the broker's own XA resource under each
 * factory's name. Its scan lists every branch the broker holds prepared, so a branch it lists is
 * committed or rolled back as before; a name counts as asked only when the scan answered, for this
 * pass alone: while the broker is out of reach (a failover) no record is touched.
 */
@Singleton
@Startup
public class BrokerRecoveryScan {

    /** The broker(s) to ask, as Artemis URLs tried in order; unset: the embedded broker. */
    static final String BROKERS = "switchboard.recovery.brokers";

    static final String EMBEDDED = "vm://0";

    private static final Logger LOG = Logger.getLogger(BrokerRecoveryScan.class.getName());

    private XAConnection connection;
    private List<String> factories = List.of();
    /** The brokers' factories, by URL; closed on undeploy. */
    private final Map<String, ActiveMQXAConnectionFactory> brokers = new HashMap<>();

    /** One resource per name, kept from pass to pass (see {@link NamedBrokerResource#reconnect}). */
    private final Map<String, NamedBrokerResource> resources = new HashMap<>();

    /** The broker that answered the last pass, or null: logged when it changes, not every pass. */
    private String answering;

    /** What Narayana calls; kept apart so that the bean's own view shows no Narayana type. */
    private final XAResourceRecoveryHelper helper = new XAResourceRecoveryHelper() {
        @Override
        public boolean initialise(String parameter) {
            return true;
        }

        @Override
        public XAResource[] getXAResources() {
            return resources();
        }
    };

    @PostConstruct
    void register() {
        var module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module == null) {
            LOG.warning("No XA recovery module: records of transactions killed in their commit phase"
                    + " will need an operator (docs/scale-out.md)");
            return;
        }
        module.addXAResourceRecoveryHelper(helper);
    }

    @PreDestroy
    void unregister() {
        var module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module != null) {
            module.removeXAResourceRecoveryHelper(helper);
        }
        synchronized (this) {
            close();
            brokers.values().forEach(ActiveMQXAConnectionFactory::close);
            brokers.clear();
        }
    }

    /**
     * The names Narayana's last recovery pass counted as asked: each factory's name under the broker
     * that answered, or none while no broker answers. What an operator or a test checks.
     */
    public Set<String> answeredLastPass() {
        var module = XARecoveryModule.getRegisteredXARecoveryModule();
        return module == null ? Set.of() : Set.copyOf(module.getContactedJndiNames());
    }

    /**
     * Called by Narayana at the start of each recovery pass: the resources it scans in that pass,
     * then commits or rolls back on. The connection of the previous pass is closed first.
     */
    synchronized XAResource[] resources() {
        close();
        try {
            if (factories.isEmpty()) {
                factories = factoryNames();
            }
            // Narayana calls from its own thread; Artemis loads its connector classes through the
            // thread's context class loader, which must be this deployment's (its module dependencies).
            var thread = Thread.currentThread();
            var previous = thread.getContextClassLoader();
            thread.setContextClassLoader(BrokerRecoveryScan.class.getClassLoader());
            try {
                for (var url : urls()) {
                    try {
                        var resources = open(url);
                        if (!url.equals(answering)) {
                            LOG.info("Recovery scan: " + url + " answers; Narayana asks it under " + resources.length
                                    + " factory names each pass");
                            answering = url;
                        }
                        return resources;
                    } catch (JMSException | RuntimeException e) {
                        LOG.log(Level.FINE, e, () -> "Recovery scan: broker " + url + " does not answer");
                        close();
                    }
                }
                if (answering != null) {
                    LOG.warning("Recovery scan: no broker answers " + urls() + "; records of transactions"
                            + " killed in their commit phase wait until one does");
                    answering = null;
                }
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "Recovery scan: cannot list the connection factories", e);
        }
        return new XAResource[0];
    }

    private XAResource[] open(String url) throws JMSException {
        var config = ConfigProvider.getConfig();
        var user = config.getOptionalValue("switchboard.broker.operations.user", String.class)
                .orElse("operations");
        var password = config.getOptionalValue("switchboard.broker.operations.password", String.class);
        // One factory per broker for the bean's life: a factory holds its server locator until closed.
        var factory = brokers.computeIfAbsent(url, ActiveMQXAConnectionFactory::new);
        connection =
                password.isPresent() ? factory.createXAConnection(user, password.get()) : factory.createXAConnection();
        var session = connection.createXASession();
        var nodeId = ((ClientSessionInternal) ((ActiveMQSession) session).getCoreSession()).getNodeId();
        if (nodeId == null) {
            throw new IllegalStateException("the broker at " + url + " gave no node id");
        }
        var resource = session.getXAResource();
        var named = new XAResource[factories.size()];
        for (var i = 0; i < named.length; i++) {
            var name = NamedBrokerResource.name(factories.get(i), nodeId);
            var known = resources.get(name);
            if (known == null) {
                known = new NamedBrokerResource(resource, name);
                resources.put(name, known);
            } else {
                known.reconnect(resource);
            }
            named[i] = known;
        }
        return named;
    }

    /** The JNDI names of the server's pooled factories: the default one and each context's. */
    static List<String> factoryNames() throws NamingException {
        var names = new ArrayList<String>();
        names.add("java:/JmsXA");
        var context = new InitialContext();
        try {
            var children = context.list("java:/jms");
            while (children.hasMore()) {
                NameClassPair child = children.next();
                var candidate = "java:/jms/" + child.getName() + "/JmsXA";
                try {
                    context.lookup(candidate);
                    names.add(candidate);
                } catch (NamingException notAFactory) {
                    // java:/jms/queue, java:/jms/topic
                }
            }
        } finally {
            context.close();
        }
        return List.copyOf(names);
    }

    static List<String> urls() {
        var setting = ConfigProvider.getConfig()
                .getOptionalValue(BROKERS, String.class)
                .orElse(EMBEDDED);
        var urls = new ArrayList<String>();
        for (var url : setting.split(",")) {
            if (!url.isBlank()) {
                urls.add(url.strip());
            }
        }
        return urls;
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, "Recovery scan: closing the previous connection", e);
            }
            connection = null;
        }
    }
}
