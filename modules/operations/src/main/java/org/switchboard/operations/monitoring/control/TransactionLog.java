package org.switchboard.operations.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.switchboard.operations.monitoring.entity.LoggedTransaction;

/**
 * Reads Narayana's transaction log in-process through its object-store MBeans
 * ({@code jboss.jta:type=ObjectStore}), the same ones WildFly's
 * {@code /subsystem=transactions/log-store=log-store:probe} reads: {@code probe} refreshes them
 * from the store, then each transaction record is an MBean with an {@code itype} key and each of
 * its participants one more with a {@code puid} key. The management model itself is not reachable
 * from a deployment without a management client and credentials; its MBeans are.
 */
@ApplicationScoped
public class TransactionLog {

    static final String STORE = "jboss.jta:type=ObjectStore";

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();

    /** The transactions in the log now, or null when it cannot be read (no store MBean, say). */
    public List<LoggedTransaction> read(Instant now) {
        try {
            var store = new ObjectName(STORE);
            if (!mbeans.isRegistered(store)) {
                return null;
            }
            mbeans.invoke(store, "probe", null, null);
            var transactions = new ArrayList<LoggedTransaction>();
            for (var name : mbeans.queryNames(new ObjectName(STORE + ",*"), null)) {
                if (name.getKeyProperty("itype") == null || name.getKeyProperty("puid") != null) {
                    continue;
                }
                var age = attribute(name, "AgeInSeconds");
                var participants = new ArrayList<LoggedTransaction.Participant>();
                for (var participant : mbeans.queryNames(new ObjectName(name.getCanonicalName() + ",puid=*"), null)) {
                    participants.add(new LoggedTransaction.Participant(
                            resource(participant), text(attribute(participant, "Status"))));
                }
                transactions.add(new LoggedTransaction(
                        text(attribute(name, "Id")),
                        now.minus(Duration.ofSeconds(age instanceof Number n ? n.longValue() : 0)),
                        List.copyOf(participants)));
            }
            return transactions;
        } catch (JMException | RuntimeException e) {
            System.getLogger(TransactionLog.class.getName())
                    .log(System.Logger.Level.WARNING, "Transaction log not readable: {0}", e.toString());
            return null;
        }
    }

    private String resource(ObjectName participant) {
        var jndi = text(attribute(participant, "JndiName"));
        if (!jndi.isEmpty()) {
            return jndi;
        }
        var product = text(attribute(participant, "EisProductName"));
        return product.isEmpty() ? participant.getKeyProperty("puid") : product;
    }

    /** Null when this kind of record has no such attribute (not every participant is an XA resource). */
    private Object attribute(ObjectName name, String attribute) {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
