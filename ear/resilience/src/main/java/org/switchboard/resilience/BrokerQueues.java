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

    private static final java.util.regex.Pattern XID = java.util.regex.Pattern.compile("base64: ([A-Za-z0-9+/_=-]+)");

    private BrokerQueues() {}

    /** Reads the broker running as process {@code pid}. */
    static Snapshot read(long pid) throws IOException {
        try (var jmx = JMXConnectorFactory.connect(new JMXServiceURL(localAgent(pid)))) {
            return snapshot(jmx.getMBeanServerConnection());
        } catch (javax.management.JMException e) {
            throw new IOException("Cannot read the broker's queues over JMX", e);
        }
    }

    /**
     * The broker's prepared transactions of one WildFly node, by their Xid: Narayana writes its node
     * identifier into every global transaction id it makes, and Artemis lists each prepared
     * transaction with its Xid in base64, so the identifier's bytes say whose branch it is.
     */
    static java.util.Set<String> preparedBy(long pid, String narayanaNodeId) throws IOException {
        var node = narayanaNodeId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var xids = new java.util.HashSet<String>();
        try (var jmx = JMXConnectorFactory.connect(new JMXServiceURL(localAgent(pid)))) {
            var server = jmx.getMBeanServerConnection();
            for (var xid : preparedTransactions(server)) {
                // "<created> base64: <the Xid in URL-safe base64> XidImpl (… gtxid:…)"
                var base64 = XID.matcher(xid);
                if (base64.find()
                        && contains(
                                java.util.Base64.getUrlDecoder()
                                        .decode(base64.group(1)
                                                .replace('+', '-')
                                                .replace('/', '_')),
                                node)) {
                    xids.add(base64.group(1));
                }
            }
            return xids;
        } catch (javax.management.JMException | IllegalArgumentException e) {
            throw new IOException("Cannot read the broker's prepared transactions over JMX", e);
        }
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        outer:
        for (var i = 0; i + part.length <= bytes.length; i++) {
            for (var j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static java.util.List<String> preparedTransactions(javax.management.MBeanServerConnection server)
            throws IOException, javax.management.JMException {
        var xids = new java.util.ArrayList<String>();
        for (var broker : server.queryNames(new ObjectName("org.apache.activemq.artemis:broker=*"), null)) {
            xids.addAll(java.util.List.of(
                    (String[]) server.invoke(broker, "listPreparedTransactions", new Object[0], new String[0])));
        }
        return xids;
    }

    private static String localAgent(long pid) throws IOException {
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
        return address;
    }

    private static Snapshot snapshot(javax.management.MBeanServerConnection server)
            throws IOException, javax.management.JMException {
        var messages = new TreeMap<String, Long>();
        for (var name : server.queryNames(new ObjectName(QUEUES), null)) {
            var queueAddress = ObjectName.unquote(name.getKeyProperty("address"));
            if (!queueAddress.startsWith("jms.")) {
                continue;
            }
            var count = ((Number) server.getAttribute(name, "MessageCount")).longValue();
            messages.put(queueAddress + "/" + ObjectName.unquote(name.getKeyProperty("queue")), count);
        }
        return new Snapshot(messages, preparedTransactions(server).size());
    }
}
