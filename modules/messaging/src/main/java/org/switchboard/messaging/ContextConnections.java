package org.switchboard.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Each context's own connection factory, under its own broker identity (ADR 0010): the pooled XA
 * factory {@code java:/jms/<context>/JmsXA} that jms-config/messaging.cli declares with the
 * context's user. The shared building blocks (the consumer interceptor, the outbox relays) look it
 * up here by the context's name; a context without one is a deployment error, never a silent
 * fallback to the EE default factory, whose in-VM sessions would bypass every permission.
 */
public final class ContextConnections {

    private static final Map<String, ConnectionFactory> FACTORIES = new ConcurrentHashMap<>();

    private ContextConnections() {}

    /** Where a context's factory is bound. */
    public static String jndiName(String context) {
        return "java:/jms/" + context + "/JmsXA";
    }

    /** The context's factory, looked up once. */
    public static ConnectionFactory of(String context) {
        return FACTORIES.computeIfAbsent(context, name -> {
            try {
                return InitialContext.doLookup(jndiName(name));
            } catch (NamingException e) {
                throw new IllegalStateException(
                        "No connection factory for context " + name + " at " + jndiName(name)
                                + " (ADR 0010: declare it in jms-config/messaging.cli)",
                        e);
            }
        });
    }

    /**
     * A connection of the context's factory, for a thread of its own that takes or sends messages
     * in batches outside any JTA transaction: a session it creates with
     * {@code createSession(true, Session.SESSION_TRANSACTED)} has a transaction of its own (the
     * pooled factories allow local transactions, jms-config/messaging.cli); inside a JTA
     * transaction the factory would enlist the session instead. Nothing is sent or acknowledged
     * until the session commits.
     */
    public static Connection connect(String context) throws JMSException {
        return of(context).createConnection();
    }
}
