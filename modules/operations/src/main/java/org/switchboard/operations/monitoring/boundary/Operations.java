package org.switchboard.operations.monitoring.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.switchboard.operations.monitoring.entity.Incident;

/** What the webapp may ask about the broker: queues now and lately, dead-letter alerts, health. Every operations role may. */
@Stateless
@RolesAllowed({"viewer", "operator", "approver"})
public class Operations {

    @Inject
    QueueMonitor monitor;

    @Inject
    DeadLetterAlerts alerts;

    /** Health: UP, or DEGRADED while any dead-letter queue holds messages (an incident is open). */
    public record Health(Status status, List<Incident> openIncidents) {

        public enum Status {
            UP,
            DEGRADED
        }
    }

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
        return new Health(incidents.isEmpty() ? Health.Status.UP : Health.Status.DEGRADED, incidents);
    }
}
