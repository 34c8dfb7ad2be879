package org.switchboard.payments.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.contracts.SagaMessage;
import org.switchboard.contracts.payments.AuthorisePayment;
import org.switchboard.contracts.payments.PaymentAuthorised;
import org.switchboard.contracts.payments.PaymentDeclined;
import org.switchboard.contracts.payments.ProviderNotification;
import org.switchboard.contracts.payments.RefundPayment;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.payments.control.PaymentProviderApi.ProviderPayment;
import org.switchboard.payments.entity.Account;
import org.switchboard.payments.entity.Authorisation;
import org.switchboard.payments.entity.AuthorisationState;
import org.switchboard.payments.entity.NotificationKind;
import org.switchboard.payments.entity.ProviderWebhook;

/**
 * Authorises and voids order amounts against each customer's own limit; the payment provider
 * authorises them too ({@link PaymentProvider}), between two local transactions, never inside one:
 * an HTTP call holds no row lock and no connection. {@link #hold} decides the limit and holds the
 * amount (PENDING) before the provider is asked; {@link #answer} records the provider's answer with
 * the message's claim and the reply in Payments' outbox. The split: Payments owns the customer's
 * limit (what the shop lets a customer owe), the provider owns the money (whether the card pays).
 */
@ApplicationScoped
public class PaymentAuthorisations {

    private static final System.Logger LOG = System.getLogger(PaymentAuthorisations.class.getName());

    /** Fault point: an AuthorisePayment fails before Payments decides (redelivered, then dead-lettered). */
    public static final String FAULT_AUTHORISE = "payments.authorise-payment";

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @EJB
    PaymentsOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue orderingReplies;

    @Inject
    @ConfigProperty(name = "switchboard.payments.default-limit", defaultValue = "100000")
    long defaultLimit;

    /**
     * The saga's authorisation as it stands, made now if there is none: PENDING (held against the
     * limit, the provider to be asked) or DECLINED (over the limit: the provider is never asked).
     * No claim: a message that is deferred after this comes back to find its authorisation here.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuthorisationState hold(AuthorisePayment command) {
        FaultPoints.pass(FAULT_AUTHORISE, command.correlationId());
        var authorisation = em.find(Authorisation.class, command.sagaId());
        if (authorisation == null) {
            authorisation = decide(command, Instant.now());
            em.persist(authorisation);
        }
        return authorisation.state();
    }

    /**
     * Records the provider's answer for a PENDING authorisation (null when the provider was not
     * asked) and replies to the saga, once per message. An answer that comes after the saga voided
     * the authorisation changes nothing: the void cancelled it at the provider too.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void answer(IncomingMessage message, AuthorisePayment command, ProviderPayment provider) {
        if (!new IdempotentConsumer("payments").claim(message)) {
            return;
        }
        var now = Instant.now();
        var authorisation = em.find(Authorisation.class, command.sagaId(), LockModeType.PESSIMISTIC_WRITE);
        if (provider != null && authorisation.state() == AuthorisationState.PENDING) {
            switch (provider.status()) {
                case AUTHORISED, CAPTURED -> authorisation.authorisedByProvider(now);
                default ->
                    release(
                            authorisation,
                            authorisation.declinedByProvider(
                                    "The payment provider says " + provider.status()
                                            + (provider.reason() == null ? "" : ": " + provider.reason()),
                                    now));
            }
        }
        reply(command.messageId(), command.correlationId(), authorisation);
    }

    /**
     * Applies the provider's notification (received by webhook, forwarded over JMS), once per
     * notification: a settlement of a still PENDING authorisation records the provider's decision
     * and answers the saga as the reply to the command that made the authorisation (the same reply
     * id as an answer to a poll, so the saga takes one of them); a chargeback of an authorised one
     * releases the amount. Anything else (already decided, voided, unknown) changes nothing; the
     * receipt says what came of it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void apply(IncomingMessage message, ProviderNotification notification) {
        if (!new IdempotentConsumer("payments").claim(message)) {
            return;
        }
        var now = Instant.now();
        var authorisation = em.find(Authorisation.class, notification.sagaId(), LockModeType.PESSIMISTIC_WRITE);
        var receipt = em.find(ProviderWebhook.class, notification.eventId(), LockModeType.PESSIMISTIC_WRITE);
        var outcome = authorisation == null
                ? "No authorisation for saga " + notification.sagaId() + ": nothing to do"
                : switch (NotificationKind.valueOf(notification.kind())) {
                    case SETTLED -> settle(authorisation, notification, now);
                    case CHARGED_BACK -> chargeBack(authorisation, notification, now);
                };
        if (receipt != null) {
            receipt.processed(outcome, now);
        }
        LOG.log(System.Logger.Level.INFO, "Provider event {0}: {1}", notification.eventId(), outcome);
    }

    private String settle(Authorisation authorisation, ProviderNotification notification, Instant now) {
        if (authorisation.state() != AuthorisationState.PENDING) {
            return "Settled " + notification.status() + " while " + authorisation.state() + ": already answered";
        }
        switch (ProviderStatus.valueOf(notification.status())) {
            case AUTHORISED, CAPTURED -> authorisation.authorisedByProvider(now);
            case PENDING -> {
                return "Still pending: nothing to do";
            }
            default ->
                release(
                        authorisation,
                        authorisation.declinedByProvider(
                                "The payment provider says " + notification.status()
                                        + (notification.reason().isEmpty() ? "" : ": " + notification.reason()),
                                now));
        }
        if (authorisation.commandId() != null) {
            reply(authorisation.commandId(), authorisation.correlationId(), authorisation);
        }
        return "Settled: " + authorisation.state() + ", saga answered";
    }

    private String chargeBack(Authorisation authorisation, ProviderNotification notification, Instant now) {
        var released = authorisation.chargedBack(
                "Charged back" + (notification.reason().isEmpty() ? "" : ": " + notification.reason()), now);
        if (released == 0) {
            return "Chargeback while " + authorisation.state() + ": nothing held, nothing to release";
        }
        release(authorisation, released);
        LOG.log(
                System.Logger.Level.WARNING,
                "Saga {0}: payment charged back ({1}), {2} released",
                authorisation.sagaId(),
                notification.reason(),
                released);
        return "Charged back: " + released + " released";
    }

    /** Whether the provider may hold money for the saga: anything but a decision that never reached it. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean mayHoldAtProvider(UUID sagaId) {
        var authorisation = em.find(Authorisation.class, sagaId);
        return authorisation == null
                || authorisation.state() == AuthorisationState.PENDING
                || authorisation.state() == AuthorisationState.AUTHORISED;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void refund(IncomingMessage message, RefundPayment command) {
        if (!new IdempotentConsumer("payments").claim(message)) {
            return;
        }
        var now = Instant.now();
        var authorisation = em.find(Authorisation.class, command.sagaId(), LockModeType.PESSIMISTIC_WRITE);
        if (authorisation == null) {
            em.persist(Authorisation.voidedBeforeMade(command.sagaId(), command.orderId(), now));
            LOG.log(System.Logger.Level.INFO, "Saga {0}: voided before it was authorised", command.sagaId());
            return;
        }
        release(authorisation, authorisation.voidIt(now));
    }

    private void release(Authorisation authorisation, long amount) {
        if (amount > 0) {
            em.find(Account.class, authorisation.customerId(), LockModeType.PESSIMISTIC_WRITE)
                    .release(amount);
        }
    }

    private Authorisation decide(AuthorisePayment command, Instant now) {
        em.createNativeQuery("insert into payments.account (customer_id, credit_limit, authorised, currency)"
                        + " values (?1, ?2, 0, ?3) on conflict (customer_id) do nothing")
                .setParameter(1, command.customerId())
                .setParameter(2, defaultLimit)
                .setParameter(3, command.currency())
                .executeUpdate();
        var account = em.find(Account.class, command.customerId(), LockModeType.PESSIMISTIC_WRITE);
        if (!account.covers(command.amount())) {
            return Authorisation.declined(
                    command.sagaId(),
                    command.orderId(),
                    command.customerId(),
                    command.amount(),
                    "Over the customer's limit: " + command.amount() + " asked, " + account.available() + " available",
                    now);
        }
        account.hold(command.amount());
        return Authorisation.pending(command.sagaId(), command.orderId(), command.customerId(), command.amount(), now)
                .madeBy(command.messageId(), command.correlationId());
    }

    /** The answer to one AuthorisePayment: its id is derived from the command's, whoever sends it. */
    private void reply(UUID commandId, UUID correlationId, Authorisation authorisation) {
        var id = UUID.nameUUIDFromBytes(("payments.reply:" + commandId).getBytes(StandardCharsets.UTF_8));
        SagaMessage reply = authorisation.state() == AuthorisationState.AUTHORISED
                ? new PaymentAuthorised(
                        id,
                        Instant.now(),
                        correlationId,
                        commandId,
                        authorisation.sagaId(),
                        authorisation.authorisationId())
                : new PaymentDeclined(
                        id,
                        Instant.now(),
                        correlationId,
                        commandId,
                        authorisation.sagaId(),
                        authorisation.reason() == null ? "voided" : authorisation.reason());
        outbox.add(reply, orderingReplies, Delivery.standard());
    }
}
