package org.switchboard.payments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.switchboard.payments.control.WebhookCounters;
import org.switchboard.payments.control.WebhookReceipts;
import org.switchboard.payments.control.WebhookSignatures;
import org.switchboard.payments.entity.WebhookOutcome;

/**
 * The payment provider's notifications (settlements, chargebacks) as they arrive over HTTP. Each is
 * verified first ({@link WebhookSignatures}: HMAC-SHA256 with the current or previous secret,
 * timestamp window), read, then stored and queued in one transaction ({@link WebhookReceipts});
 * only then does the caller answer 2xx. Processing happens later, from queue {@code
 * payments.webhooks}. A refusal stores nothing and is counted with its reason. Anyone may call it:
 * the signature, not a login, says who sent it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProviderWebhooks {

    @Inject
    WebhookSignatures signatures;

    @Inject
    WebhookReceipts receipts;

    @Inject
    WebhookCounters counters;

    /** Verifies, stores and queues one notification, or refuses it ({@link WebhookRefused}). */
    @PermitAll
    public WebhookReceipt receive(String eventId, String timestamp, String signature, byte[] body) {
        WebhookOutcome outcome;
        String id = eventId;
        try {
            var slot = signatures.verify(timestamp, signature, body, Instant.now());
            var notification = WebhookReceipts.read(eventId, body);
            if (notification.isEmpty()) {
                outcome = WebhookOutcome.IGNORED;
            } else {
                id = notification.get().eventId();
                outcome = receipts.store(notification.get(), slot, WebhookSignatures.signedAt(timestamp), body);
            }
        } catch (WebhookSignatures.Refused refused) {
            counters.refused(refused.refusal(), eventId, refused.getMessage());
            throw new WebhookRefused(refused.refusal(), refused.getMessage());
        }
        counters.count(outcome);
        return new WebhookReceipt(id, outcome.name());
    }

    /** The counts and latest refusals, for the operations dashboard. */
    @RolesAllowed({"viewer", "operator", "approver"})
    public WebhookTally tally() {
        return new WebhookTally(
                counters.counts(),
                counters.recentRefusals().stream()
                        .map(refused -> new WebhookTally.Refused(
                                refused.at(),
                                refused.refusal().name().toLowerCase(java.util.Locale.ROOT),
                                refused.eventId(),
                                refused.detail()))
                        .toList());
    }
}
