package org.switchboard.operations.monitoring.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Operations' alerts on the shared alert webhook ({@link org.switchboard.messaging.alerts.AlertWebhook}:
 * {@code switchboard.alerts.webhook.url} and {@code .secret}, signed, retried), posted from the
 * server's managed scheduler.
 */
@ApplicationScoped
public class AlertWebhook {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private org.switchboard.messaging.alerts.AlertWebhook webhook;

    @PostConstruct
    void open() {
        webhook = new org.switchboard.messaging.alerts.AlertWebhook(scheduler);
    }

    /** Posts any alert object, as JSON-B writes it. */
    public void post(Object alert) {
        webhook.post(alert);
    }
}
