package org.switchboard.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.operations.deadletters.boundary.DeadLetter;
import org.switchboard.operations.deadletters.boundary.DeadLetterGroup;
import org.switchboard.operations.deadletters.boundary.DeadLetterTriage;
import org.switchboard.operations.deadletters.boundary.LedgerView;
import org.switchboard.operations.journeys.boundary.Journey;
import org.switchboard.operations.journeys.boundary.Journeys;
import org.switchboard.operations.monitoring.boundary.Alert;
import org.switchboard.operations.monitoring.boundary.BrokerStatus;
import org.switchboard.operations.monitoring.boundary.Operations;
import org.switchboard.operations.monitoring.boundary.QueueStatus;
import org.switchboard.payments.boundary.PaymentProviderCircuits;
import org.switchboard.payments.boundary.ProviderWebhooks;
import org.switchboard.payments.boundary.WebhookTally;

/**
 * The broker as an operator sees it: queues, their recent history, alerts, health,
 * dead letters and journeys. Who may see what is decided by the operations boundary; a refusal
 * becomes a problem in {@link ProblemMappers}.
 */
@Path("ops")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = RestApplication.LOGIN)
@Tag(name = "Operations")
public class OperationsResource {

    @Inject
    Operations operations;

    @Inject
    DeadLetterTriage triage;

    @Inject
    Journeys journeys;

    @Inject
    PaymentProviderCircuits paymentProvider;

    @Inject
    ProviderWebhooks providerWebhooks;

    @GET
    @Path("queues")
    @Operation(
            summary = "Every broker queue now",
            description = "Depth, in-flight, scheduled, consumers, counters, rates, oldest message age and"
                    + " dead-letter depth, read from the broker's MBeans at the time of the request.")
    public List<QueueStatus> queues() {
        return operations.queues();
    }

    @GET
    @Path("brokers")
    @Operation(
            summary = "The brokers this node reads and what each does now",
            description = "The embedded broker in the default mode; in cluster mode the primary/backup pair:"
                    + " ACTIVE (holds the queues), BACKUP (waits), DOWN (management does not answer).")
    public List<BrokerStatus> brokers() {
        return operations.brokers();
    }

    @GET
    @Path("queues/history")
    @Operation(summary = "The sampled statuses of the last ten minutes, per queue, oldest first")
    public Map<String, List<QueueStatus>> history() {
        return operations.history();
    }

    @GET
    @Path("alerts")
    @Operation(
            summary = "The last alerts, newest first",
            description = "kind DEAD_LETTERS (queue names the dead-letter queue), DATABASE_DOWN,"
                    + " IN_DOUBT_TRANSACTIONS, PAUSED_QUEUES or DEAD_LETTERS_CHANGED_OUTSIDE; type OPENED,"
                    + " REMINDER or RESOLVED, or NOTICE for a one-off (dead letters changed outside four-eyes).")
    public List<Alert> alerts() {
        return operations.recentAlerts();
    }

    @GET
    @Path("dead-letters")
    @Operation(
            summary = "Dead letters, grouped by dead-letter queue, original address and reason",
            description = "Personal data in bodies is masked; see the single-message endpoint to reveal it.")
    public List<DeadLetterGroup> deadLetters() {
        return triage.groups();
    }

    @GET
    @Path("dead-letter-queues")
    @Operation(
            summary = "Each dead-letter queue's books: the broker's counters against approved replays and deletions",
            description = "Per dead-letter queue since the broker started: messages added, removed (acknowledged,"
                    + " killed or expired), removed by approved requests (removedBySwitchboard), and the rest"
                    + " (removedOutside): removed outside four-eyes, through the management console or CLI,"
                    + " JMX or a JMS consumer. Each such removal is audited as CHANGED_OUTSIDE_FOUR_EYES and"
                    + " alerted (kind DEAD_LETTERS_CHANGED_OUTSIDE).")
    public List<LedgerView> deadLetterQueues() {
        return triage.ledgers();
    }

    @GET
    @Path("dead-letters/{queue}/messages/{id}")
    @Operation(
            summary = "One dead letter with its properties (its history) and body",
            description = "reveal=true shows the body unmasked; only operators and approvers may.")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(
            responseCode = "403",
            description = "Not a viewer, operator or approver; or reveal=true asked by a viewer")
    @APIResponse(responseCode = "404", description = "No such message in that dead-letter queue")
    public DeadLetter deadLetter(
            @PathParam("queue") String queue, @PathParam("id") String id, @QueryParam("reveal") boolean reveal) {
        return (reveal ? triage.reveal(queue, id) : triage.message(queue, id))
                .orElseThrow(() -> new NotFoundException("No dead letter " + id + " in " + queue));
    }

    @GET
    @Path("journeys/{correlationId}")
    @Operation(
            summary = "Every message of one flow across the contexts, and where the flow stands",
            description = "For each message: type, destination, when it was sent, when and by whom it was"
                    + " handled, after how many deliveries and how it ended (from the consumers' journey"
                    + " notes), and where it is now if it is in a queue (waiting, retrying, dead-lettered)."
                    + " Status DONE, IN_PROGRESS, STUCK, ABANDONED or UNCERTAIN. 404 when nothing of the flow"
                    + " is known.")
    @APIResponse(responseCode = "200", description = "The flow")
    @APIResponse(responseCode = "400", description = "The correlation id is not a UUID")
    @APIResponse(responseCode = "404", description = "Nothing of the flow is known")
    public Journey journey(@PathParam("correlationId") String correlationId) {
        UUID id;
        try {
            id = UUID.fromString(correlationId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("A correlation id is a UUID, such as the one a registration returns");
        }
        return journeys.of(id)
                .orElseThrow(() -> new NotFoundException(
                        "No message of flow " + id + " has been handled in the last days or is in a queue now"));
    }

    @GET
    @Path("health")
    @Operation(
            summary = "UP, DEGRADED or DOWN, per component, with the open incidents and the transactions in doubt",
            description = "DOWN while the database does not answer SELECT 1 within 2 s; DEGRADED while a"
                    + " dead-letter queue holds messages, a queue is paused (component queues), or a"
                    + " transaction is heuristic or has been prepared for"
                    + " more than 60 s (in Narayana's log or in PostgreSQL); each in-doubt transaction comes with"
                    + " its way out. Answers 200 whatever the status: read the status field.")
    public Operations.Health health() {
        return operations.health();
    }

    @GET
    @Path("payment-provider")
    @Operation(
            summary = "The payment provider's circuit breakers: CLOSED, OPEN or HALF_OPEN, per operation",
            description = "OPEN: Payments does not call the provider for now; the payments wait (deferred"
                    + " messages) and complete when it answers again.")
    public java.util.List<PaymentProviderCircuits.Circuit> paymentProvider() {
        return paymentProvider.now();
    }

    @GET
    @Path("payment-provider/webhooks")
    @Operation(
            summary = "The provider's notifications on this node since it started, and the latest refusals",
            description = "Counts by outcome: accepted, duplicate, ignored (verified), bad_signature, stale,"
                    + " malformed, not_configured (refused, nothing stored); the last 20 refusals with their"
                    + " reasons and the event id they claimed. The same counts are in /prometheus as"
                    + " switchboard_payment_provider_webhooks_total.")
    public WebhookTally paymentProviderWebhooks() {
        return providerWebhooks.tally();
    }
}
