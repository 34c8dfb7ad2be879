package org.switchboard.operations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** What the webapp may ask Operations: queues now and lately, dead-letter alerts, health. */
@Stateless
public class Operations {

    @Inject
    QueueMonitor monitor;

    @Inject
    DeadLetterAlerts alerts;

    /** Health: UP, or DEGRADED while any dead-letter queue holds messages. */
    public record Health(String status, List<DeadLetterAlerts.Incident> openIncidents) {}

    /** Every broker queue, read from the broker now. */
    public List<QueueStatus> queues() {
        return monitor.now();
    }

    /** The timed samples of the last ten minutes, per queue, oldest first. */
    public Map<String, List<QueueStatus>> history() {
        return monitor.history();
    }

    public List<DeadLetterAlert> recentAlerts() {
        return alerts.recent();
    }

    public Health health() {
        var incidents = alerts.openIncidents();
        return new Health(incidents.isEmpty() ? "UP" : "DEGRADED", incidents);
    }
}
