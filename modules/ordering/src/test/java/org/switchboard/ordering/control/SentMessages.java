package org.switchboard.ordering.control;

import jakarta.jms.Destination;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.contracts.ordering.SagaTimeout;
import org.switchboard.messaging.outbox.Delivery;
import org.switchboard.ordering.entity.OrderSaga;
import org.switchboard.ordering.entity.PurchaseOrder;
import org.switchboard.ordering.entity.SagaAction;
import org.switchboard.ordering.entity.SagaState;

/**
 * The messages Ordering's real code puts in its outbox ({@link SagaCommands} for the saga's
 * commands, {@link OrderReturns} for {@code ReturnRequested}), kept instead of stored: what its
 * provider contract tests hand to Pact.
 */
public final class SentMessages {

    private SentMessages() {}

    /** An outbox that keeps what it is given. */
    private static final class Kept extends OrderingOutbox {
        final List<Message> messages = new ArrayList<>();

        @Override
        public void add(Message message, Destination destination, Delivery delivery) {
            messages.add(message);
        }
    }

    /** The command {@code action} sends for the order, as a saga step sends it (without its timeout). */
    public static Message command(PurchaseOrder order, SagaAction action) {
        var kept = new Kept();
        var commands = new SagaCommands();
        commands.outbox = kept;
        commands.settings = new SagaSettings();
        commands.settings.paymentTimeToLiveMillis = 8000;
        var timeout = Duration.ofSeconds(10);
        var saga = new OrderSaga(UUID.randomUUID(), order.id(), Instant.now(), timeout);
        commands.send(saga, order, List.of(action), UUID.randomUUID(), timeout);
        return kept.messages.stream()
                .filter(m -> !(m instanceof SagaTimeout))
                .findFirst()
                .orElseThrow();
    }

    /** The {@code ReturnRequested} a return of the (confirmed) order announces. */
    public static Message returnRequested(PurchaseOrder order) {
        var kept = new Kept();
        var returns = new OrderReturns();
        returns.outbox = kept;
        order.follow(SagaState.CONFIRMED, Instant.now());
        returns.request(order, UUID.randomUUID());
        return kept.messages.get(0);
    }
}
