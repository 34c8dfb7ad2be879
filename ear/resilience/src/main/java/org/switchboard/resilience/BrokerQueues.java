package org.switchboard.resilience;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.management.ObjectName;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The queues of a standalone Artemis broker of cluster mode, read over JMX: the suite attaches to the
 * broker's JVM on this machine (same user, no remote JMX port, no credentials) and reads the
 * {@code MessageCount} of every queue on a {@code jms.*} address, and the broker's prepared
 * transactions. What {@link Management} reads from WildFly's embedded broker, for a remote one.
 */
final class BrokerQueues {

    private static final String QUEUES =
            "org.apache.activemq.artemis:broker=*,component=addresses,address=*,subcomponent=queues,routing-type=*,queue=*";

    /** Messages per queue ({@code address/queue}) and the broker's prepared (in-doubt) transactions. */
    record Snapshot(Map<String, Long> messages, int prepared) {

        long queued() {
            return messages.entrySet().stream()
                    .filter(e -> !deadLetters(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        long deadLettered() {
            return messages.entrySet().stream()
                    .filter(e -> deadLetters(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        /** Queues that still hold something, for the report. */
        Map<String, Long> nonEmpty() {
            var result = new TreeMap<String, Long>();
            messages.forEach((k, v) -> {
                if (v > 0) {
                    result.put(k, v);
                }
            });
            return result;
        }

        private static boolean deadLetters(String queue) {
            var address = queue.substring(0, queue.indexOf('/'));
            return Checker.deadLetterQueue(address.replaceFirst("^jms\\.(queue|topic)\\.", ""));
        }
    }

    private BrokerQueues() {}

    /** Reads the broker running as process {@code pid}. */
    static Snapshot read(long pid) throws IOException {
        String address;
        try {
            var vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("Cannot attach to broker process " + pid, e);
        }
        try (var jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            var server = jmx.getMBeanServerConnection();
            var messages = new TreeMap<String, Long>();
            int prepared = 0;
            for (var name : server.queryNames(new ObjectName(QUEUES), null)) {
                var queueAddress = ObjectName.unquote(name.getKeyProperty("address"));
                if (!queueAddress.startsWith("jms.")) {
                    continue;
                }
                var count = ((Number) server.getAttribute(name, "MessageCount")).longValue();
                messages.put(queueAddress + "/" + ObjectName.unquote(name.getKeyProperty("queue")), count);
            }
            for (var broker : server.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null)) {
                var xids = (String[]) server.invoke(broker, "listPreparedTransactions", new Object[0], new String[0]);
                prepared += xids.length;
            }
            return new Snapshot(messages, prepared);
        } catch (javax.management.JMException e) {
            throw new IOException("Cannot read the broker's queues over JMX", e);
        }
    }
}
