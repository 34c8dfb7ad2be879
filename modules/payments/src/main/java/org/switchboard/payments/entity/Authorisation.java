package org.switchboard.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.switchboard.ids.Ids;

/** What Payments did for one order saga: at most one per saga, and so per order. */
@Entity
@Table(name = "authorisation")
@NamedQuery(name = Authorisation.OF_ORDER, query = "select a from Authorisation a where a.orderId = :orderId")
public class Authorisation {

    public static final String OF_ORDER = "Authorisation.ofOrder";

    @Id
    @Column(name = "saga_id")
    private UUID sagaId;

    @Column(name = "authorisation_id", nullable = false)
    private UUID authorisationId;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "customer_id")
    private UUID customerId;

    @Column(nullable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AuthorisationState state;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The AuthorisePayment that made it, and its flow: a settlement by webhook replies to that command. */
    @Column(name = "command_id")
    private UUID commandId;

    @Column(name = "correlation_id")
    private UUID correlationId;

    protected Authorisation() {}

    private Authorisation(
            UUID sagaId,
            UUID orderId,
            UUID customerId,
            long amount,
            AuthorisationState state,
            String reason,
            Instant now) {
        this.sagaId = sagaId;
        this.orderId = orderId;
        this.authorisationId = Ids.next();
        this.customerId = customerId;
        this.amount = amount;
        this.state = state;
        this.reason = reason;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Held against the customer's limit, to be asked of the payment provider. */
    public static Authorisation pending(UUID sagaId, UUID orderId, UUID customerId, long amount, Instant now) {
        return new Authorisation(sagaId, orderId, customerId, amount, AuthorisationState.PENDING, null, now);
    }

    /** Remembers the command that made it (and its flow), for a reply that does not come from that command. */
    public Authorisation madeBy(UUID command, UUID correlation) {
        this.commandId = command;
        this.correlationId = correlation;
        return this;
    }

    public static Authorisation declined(
            UUID sagaId, UUID orderId, UUID customerId, long amount, String reason, Instant now) {
        return new Authorisation(sagaId, orderId, customerId, amount, AuthorisationState.DECLINED, reason, now);
    }

    public static Authorisation voidedBeforeMade(UUID sagaId, UUID orderId, Instant now) {
        return new Authorisation(sagaId, orderId, null, 0, AuthorisationState.VOIDED, "voided before it was made", now);
    }

    /** The provider authorised it: true if that changed anything (it was still pending). */
    public boolean authorisedByProvider(Instant now) {
        if (state != AuthorisationState.PENDING) {
            return false;
        }
        state = AuthorisationState.AUTHORISED;
        updatedAt = now;
        return true;
    }

    /** The provider declined it: the amount to release, once (zero unless it was still pending). */
    public long declinedByProvider(String why, Instant now) {
        if (state != AuthorisationState.PENDING) {
            return 0;
        }
        state = AuthorisationState.DECLINED;
        reason = why == null || why.length() <= 500 ? why : why.substring(0, 500);
        updatedAt = now;
        return amount;
    }

    /** The amount to release, once: zero unless it held money until now (authorised or pending). */
    public long voidIt(Instant now) {
        if (state != AuthorisationState.AUTHORISED && state != AuthorisationState.PENDING) {
            return 0;
        }
        state = AuthorisationState.VOIDED;
        updatedAt = now;
        return amount;
    }

    /** The amount to give back for a return, once: zero unless it held money until now. */
    public long refund(Instant now) {
        if (state != AuthorisationState.AUTHORISED) {
            return 0;
        }
        state = AuthorisationState.REFUNDED;
        updatedAt = now;
        return amount;
    }

    /** A chargeback of an authorised payment: the amount to release, once (zero unless it was authorised). */
    public long chargedBack(String why, Instant now) {
        if (state != AuthorisationState.AUTHORISED) {
            return 0;
        }
        state = AuthorisationState.CHARGED_BACK;
        reason = why == null || why.length() <= 500 ? why : why.substring(0, 500);
        updatedAt = now;
        return amount;
    }

    public UUID commandId() {
        return commandId;
    }

    public UUID correlationId() {
        return correlationId;
    }

    public UUID authorisationId() {
        return authorisationId;
    }

    public UUID sagaId() {
        return sagaId;
    }

    public long amount() {
        return amount;
    }

    public UUID customerId() {
        return customerId;
    }

    public AuthorisationState state() {
        return state;
    }

    public String reason() {
        return reason;
    }
}
