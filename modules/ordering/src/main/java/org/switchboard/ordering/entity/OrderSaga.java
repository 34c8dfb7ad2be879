package org.switchboard.ordering.entity;

import static org.switchboard.ordering.entity.SagaAction.ARRANGE_SHIPMENT;
import static org.switchboard.ordering.entity.SagaAction.AUTHORISE_PAYMENT;
import static org.switchboard.ordering.entity.SagaAction.REFUND_PAYMENT;
import static org.switchboard.ordering.entity.SagaAction.RELEASE_STOCK;
import static org.switchboard.ordering.entity.SagaAction.RESERVE_STOCK;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The orchestrating saga of one order, and its definition: which reply moves it where, what a
 * missed deadline does, and what compensates a failure. Reserve stock → authorise payment →
 * arrange shipment → confirmed; a failure or a last timeout cancels, compensating the completed
 * steps (and the step that timed out, whose participant may still act) in reverse order. A reply
 * for a step the saga is no longer in, or a timeout of another attempt, changes nothing. The
 * version makes two concurrent replies change it once: the second commit fails and its message is
 * redelivered, to find the saga moved on.
 */
@Entity
@Table(name = "saga")
public class OrderSaga {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SagaState state;

    @Version
    private long version;

    @Column(nullable = false)
    private int attempt;

    private Instant deadline;

    @Column(name = "authorisation_id")
    private UUID authorisationId;

    @Column(name = "shipment_id")
    private UUID shipmentId;

    @Column(length = 500)
    private String reason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrderSaga() {}

    /** A saga that starts by reserving stock: send {@link SagaAction#RESERVE_STOCK}. */
    public OrderSaga(UUID id, UUID orderId, Instant now, Duration stepTimeout) {
        this.id = id;
        this.orderId = orderId;
        this.startedAt = now;
        enter(SagaState.RESERVING_STOCK, 1, now, stepTimeout);
    }

    /** A participant replied. */
    public Transition on(SagaEvent event, String detail, Instant now, Duration stepTimeout) {
        if (state != event.answers()) {
            return Transition.ignored(event + " while " + state + ": late or duplicate, changes nothing");
        }
        return switch (event) {
            case STOCK_RESERVED -> {
                enter(SagaState.AUTHORISING_PAYMENT, 1, now, stepTimeout);
                yield Transition.to("Stock reserved", AUTHORISE_PAYMENT);
            }
            case STOCK_UNAVAILABLE -> cancel("Stock unavailable: " + detail, now);
            case PAYMENT_AUTHORISED -> {
                enter(SagaState.ARRANGING_SHIPMENT, 1, now, stepTimeout);
                yield Transition.to("Payment authorised", ARRANGE_SHIPMENT);
            }
            case PAYMENT_DECLINED -> cancel("Payment declined: " + detail, now, RELEASE_STOCK);
            case SHIPMENT_ARRANGED -> {
                state = SagaState.CONFIRMED;
                deadline = null;
                updatedAt = now;
                yield Transition.to("Shipment arranged: order confirmed");
            }
            case SHIPMENT_FAILED -> cancel("Shipment failed: " + detail, now, REFUND_PAYMENT, RELEASE_STOCK);
        };
    }

    /**
     * The deadline of a step's attempt passed. The same step is tried again up to
     * {@code maxAttempts} times (its command is idempotent per saga), then the saga is cancelled.
     */
    public Transition onTimeout(SagaState step, int stepAttempt, int maxAttempts, Instant now, Duration stepTimeout) {
        if (state.ended() || state != step || attempt != stepAttempt) {
            return Transition.ignored("Timeout of " + step + " attempt " + stepAttempt + " while " + state + " attempt "
                    + attempt + ": late, changes nothing");
        }
        if (attempt < maxAttempts) {
            enter(state, attempt + 1, now, stepTimeout);
            return Transition.to("No answer in time: attempt " + attempt + " of " + state, command(state));
        }
        return giveUp("No answer to " + state + " after " + attempt + " attempt(s)", now);
    }

    /**
     * A step's command expired before its participant took it (its time-to-live passed while it
     * waited in the participant's queue, and the broker moved it to Ordering's expiry queue): not
     * worth attempting any more, so the saga is cancelled at once with the reason, compensating as
     * for a last timeout. An expired command of a step the saga has left changes nothing.
     */
    public Transition onExpired(SagaAction command, Instant now) {
        if (!command.forward() || state.ended() || command(state) != command) {
            return Transition.ignored(command + " expired while " + state + ": changes nothing");
        }
        return giveUp("Expired: " + command + " was not taken up within its time to live", now);
    }

    /**
     * An operator's re-drive, approved by someone else. Only a saga that still waits in a step is
     * re-driven; one that ended meanwhile stays as it is. A resend is a new attempt of the step
     * (same saga id, so the participant answers once; the old attempt's timeout is then late), and a
     * forced compensation gives up as a last timeout does.
     */
    public Transition redrive(SagaRedrive redrive, String why, Instant now, Duration stepTimeout) {
        if (state.ended()) {
            return Transition.ignored(redrive + " (" + why + ") while " + state + ": the saga ended, changes nothing");
        }
        return switch (redrive) {
            case RESEND_PENDING -> {
                enter(state, attempt + 1, now, stepTimeout);
                yield Transition.to(
                        "Operator re-drive (" + why + "): " + command(state) + " sent again, attempt " + attempt,
                        command(state));
            }
            case FORCE_COMPENSATION -> giveUp("Operator: " + why, now);
        };
    }

    /**
     * Cancels the saga in its current step, compensating the completed steps and the current one,
     * whose participant may still act on a command it received (its compensation is idempotent, and
     * a participant that has not acted yet records it so that a late command does nothing).
     */
    private Transition giveUp(String why, Instant now) {
        return switch (state) {
            case RESERVING_STOCK -> cancel(why, now, RELEASE_STOCK);
            // Shipping has no cancellation yet: a shipment arranged after this stays arranged.
            case AUTHORISING_PAYMENT, ARRANGING_SHIPMENT -> cancel(why, now, REFUND_PAYMENT, RELEASE_STOCK);
            default -> throw new IllegalStateException("A saga that ended cannot give up: " + state);
        };
    }

    public void recordAuthorisation(UUID authorisation) {
        this.authorisationId = authorisation;
    }

    public void recordShipment(UUID shipment) {
        this.shipmentId = shipment;
    }

    private Transition cancel(String why, Instant now, SagaAction... compensations) {
        state = SagaState.CANCELLED;
        reason = why.length() > 500 ? why.substring(0, 500) : why;
        deadline = null;
        updatedAt = now;
        return Transition.to(reason, compensations);
    }

    private void enter(SagaState step, int stepAttempt, Instant now, Duration stepTimeout) {
        state = step;
        attempt = stepAttempt;
        deadline = now.plus(stepTimeout);
        updatedAt = now;
    }

    /** The command of the step the saga waits in, which a resend would send again; empty once it ended. */
    public Optional<SagaAction> pendingCommand() {
        return state.ended() ? Optional.empty() : Optional.of(command(state));
    }

    private static SagaAction command(SagaState step) {
        return switch (step) {
            case RESERVING_STOCK -> RESERVE_STOCK;
            case AUTHORISING_PAYMENT -> AUTHORISE_PAYMENT;
            case ARRANGING_SHIPMENT -> ARRANGE_SHIPMENT;
            default -> throw new IllegalStateException("No command for " + step);
        };
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public SagaState state() {
        return state;
    }

    public int attempt() {
        return attempt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String reason() {
        return reason;
    }

    public long version() {
        return version;
    }
}
