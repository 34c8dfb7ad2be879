package org.switchboard.operations.broker.control;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.switchboard.operations.broker.entity.Counters;
import org.switchboard.operations.broker.entity.Load;
import org.switchboard.operations.broker.entity.Seen;

/** One broker's queues as their MBeans report them: what waits, who consumes, the counters. */
final class QueueReadings {

    private final MBeanServerConnection mbeans;
    private final ObjectName server;
    private final String broker;

    QueueReadings(MBeanServerConnection mbeans, ObjectName server, String broker) {
        this.mbeans = mbeans;
        this.server = server;
        this.broker = broker;
    }

    /** Every application queue of the broker, not its internal or temporary ones; consumers per node from the caller. */
    List<QueueKinds.Reading> read(Map<String, Map<String, Integer>> consumersByQueue) throws IOException {
        var readings = new ArrayList<QueueKinds.Reading>();
        var now = Instant.now();
        for (var name : objectNames(mbeans, server, "*")) {
            var queue = name.getKeyProperty("queue").replace("\"", "");
            try {
                if (queue.startsWith("$") || queue.startsWith("activemq.") || (Boolean) attribute(name, "Temporary")) {
                    continue;
                }
                var depth = (Long) attribute(name, "MessageCount");
                readings.add(new QueueKinds.Reading(
                        queue,
                        (String) attribute(name, "Address"),
                        "MULTICAST".equals(attribute(name, "RoutingType")),
                        new Load(
                                depth,
                                (Integer) attribute(name, "DeliveringCount"),
                                (Long) attribute(name, "ScheduledCount"),
                                (Integer) attribute(name, "ConsumerCount"),
                                depth == 0 ? null : (Long) attribute(name, "FirstMessageAge"),
                                (Boolean) attribute(name, "Paused")),
                        new Counters(
                                (Long) attribute(name, "MessagesAdded"),
                                (Long) attribute(name, "MessagesAcknowledged"),
                                (Long) attribute(name, "MessagesKilled"),
                                (Long) attribute(name, "MessagesExpired")),
                        new Seen(broker, consumersByQueue.getOrDefault(queue, Map.of()), now)));
            } catch (IllegalStateException e) {
                // The queue went away between the query and the read: it is simply not in this survey.
            }
        }
        return readings;
    }

    /** The broker's queues whose name matches (a quoted name, or {@code *}). */
    static List<ObjectName> objectNames(MBeanServerConnection mbeans, ObjectName server, String queue)
            throws IOException {
        try {
            return List.copyOf(mbeans.queryNames(
                    new ObjectName(server.getCanonicalName()
                            + ",component=addresses,address=*,subcomponent=queues,routing-type=*,queue=" + queue),
                    null));
        } catch (JMException e) {
            throw new IllegalArgumentException(queue, e);
        }
    }

    private Object attribute(ObjectName name, String attribute) throws IOException {
        try {
            return mbeans.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + name, e);
        }
    }
}
