package org.switchboard.web.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.switchboard.operations.monitoring.boundary.Alert;
import org.switchboard.operations.monitoring.boundary.BrokerStatus;
import org.switchboard.operations.monitoring.boundary.Operations;
import org.switchboard.operations.monitoring.boundary.QueueStatus;
import org.switchboard.partners.boundary.Backlog;
import org.switchboard.partners.boundary.Partners;
import org.switchboard.payments.boundary.PaymentProviderCircuits;
import org.switchboard.payments.boundary.ProviderWebhooks;
import org.switchboard.payments.boundary.WebhookTally;

/**
 * Backs ops/queues.xhtml: the broker's queues now, the health (database, transactions in doubt with
 * their way out, dead letters), the payment provider's circuits, the partner webhooks' backlog, the
 * latest alerts. Each is read once per request.
 */
@Named
@RequestScoped
public class OperationsDashboard {

    @Inject
    Operations operations;

    @Inject
    PaymentProviderCircuits paymentProvider;

    @Inject
    Partners partners;

    @Inject
    ProviderWebhooks providerWebhooks;

    private WebhookTally providerWebhookTally;

    private List<QueueStatus> queues;
    private Operations.Health health;
    private Backlog webhooks;

    public List<QueueStatus> getQueues() {
        if (queues == null) {
            queues = operations.queues();
        }
        return queues;
    }

    private List<BrokerStatus> brokers;

    public List<BrokerStatus> getBrokers() {
        if (brokers == null) {
            brokers = operations.brokers();
        }
        return brokers;
    }

    public Operations.Health getHealth() {
        if (health == null) {
            health = operations.health();
        }
        return health;
    }

    private List<PaymentProviderCircuits.Circuit> circuits;

    public List<PaymentProviderCircuits.Circuit> getPaymentProviderCircuits() {
        if (circuits == null) {
            circuits = paymentProvider.now();
        }
        return circuits;
    }

    /** True while Payments calls the provider for every operation. */
    public boolean isPaymentProviderClosed() {
        return getPaymentProviderCircuits().stream().allMatch(circuit -> "CLOSED".equals(circuit.state()));
    }

    /** The payment provider's notifications on this node: counts by outcome, the latest refusals. */
    public WebhookTally getProviderWebhooks() {
        if (providerWebhookTally == null) {
            providerWebhookTally = providerWebhooks.tally();
        }
        return providerWebhookTally;
    }

    /** True once a notification was refused on this node (a forged, stale or unreadable one, or no secret). */
    public boolean isProviderWebhooksRefused() {
        return !getProviderWebhooks().recentRefusals().isEmpty();
    }

    /** Partner webhook deliveries pending and failed, endpoints disabled. */
    public Backlog getWebhooks() {
        if (webhooks == null) {
            webhooks = partners.backlog();
        }
        return webhooks;
    }

    public List<Alert> getAlerts() {
        var alerts = operations.recentAlerts();
        return alerts.subList(0, Math.min(10, alerts.size()));
    }

    /** A rate for people: one decimal. */
    public String rate(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%.1f", perSecond);
    }

    /** An age for people: seconds, minutes or hours. */
    public String age(Long millis) {
        if (millis == null) {
            return "–";
        }
        var seconds = millis / 1000;
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
