package org.switchboard.payments.control;

import jakarta.annotation.Resource;
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
import org.switchboard.contracts.payments.RefundPayment;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.payments.entity.Account;
import org.switchboard.payments.entity.Authorisation;
import org.switchboard.payments.entity.AuthorisationState;

/**
 * Authorises and voids order amounts against each customer's own limit. Each command is one local
 * transaction: the claim, the account and authorisation rows, and the reply in Payments' outbox.
 */
@ApplicationScoped
public class PaymentAuthorisations {

    private static final System.Logger LOG = System.getLogger(PaymentAuthorisations.class.getName());

    /** Fault point: an AuthorisePayment fails before Payments decides (redelivered, then dead-lettered). */
    public static final String FAULT_AUTHORISE = "payments.authorise-payment";

    @PersistenceContext(unitName = "payments")
    EntityManager em;

    @Inject
    PaymentsOutbox outbox;

    @Resource(lookup = "java:/jms/queue/ordering.replies")
    Queue orderingReplies;

    @Inject
    @ConfigProperty(name = "switchboard.payments.default-limit", defaultValue = "100000")
    long defaultLimit;

    @Transactional(Transactional.TxType.REQUIRED)
    public void authorise(IncomingMessage message, AuthorisePayment command) {
        if (!new IdempotentConsumer(em, "payments").claim(message)) {
            return;
        }
        FaultPoints.pass(FAULT_AUTHORISE, command.correlationId());
        var authorisation = em.find(Authorisation.class, command.sagaId());
        if (authorisation == null) {
            authorisation = decide(command, Instant.now());
            em.persist(authorisation);
        }
        reply(command, authorisation);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void refund(IncomingMessage message, RefundPayment command) {
        if (!new IdempotentConsumer(em, "payments").claim(message)) {
            return;
        }
        var now = Instant.now();
        var authorisation = em.find(Authorisation.class, command.sagaId(), LockModeType.PESSIMISTIC_WRITE);
        if (authorisation == null) {
            em.persist(Authorisation.voidedBeforeMade(command.sagaId(), command.orderId(), now));
            LOG.log(System.Logger.Level.INFO, "Saga {0}: voided before it was authorised", command.sagaId());
            return;
        }
        var amount = authorisation.voidIt(now);
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
        return Authorisation.authorised(
                command.sagaId(), command.orderId(), command.customerId(), command.amount(), now);
    }

    private void reply(AuthorisePayment command, Authorisation authorisation) {
        var id = UUID.nameUUIDFromBytes(("payments.reply:" + command.messageId()).getBytes(StandardCharsets.UTF_8));
        SagaMessage reply = authorisation.state() == AuthorisationState.AUTHORISED
                ? new PaymentAuthorised(
                        id,
                        Instant.now(),
                        command.correlationId(),
                        command.messageId(),
                        command.sagaId(),
                        authorisation.authorisationId())
                : new PaymentDeclined(
                        id,
                        Instant.now(),
                        command.correlationId(),
                        command.messageId(),
                        command.sagaId(),
                        authorisation.reason() == null ? "voided" : authorisation.reason());
        outbox.add(reply, orderingReplies, Delivery.standard());
    }
}
