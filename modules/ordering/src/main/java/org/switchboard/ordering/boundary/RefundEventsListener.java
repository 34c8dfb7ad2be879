package org.switchboard.ordering.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.switchboard.contracts.payments.ReturnRefundFailed;
import org.switchboard.contracts.payments.ReturnRefunded;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.ordering.control.OrderReturns;

/**
 * Hears how a return's refund went, from Ordering's own queue {@code ordering.returns}, which the
 * broker's divert fills from topic {@code payments.events} (a queue, not a subscription, so a
 * delivery can be deferred while the database is away). Local transaction, then acknowledge.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(
        name = "RefundEventsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/ordering.returns"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class RefundEventsListener implements MessageListener {

    @Inject
    OrderReturns returns;

    @Override
    public void onMessage(Message message) {
        var incoming = IncomingMessage.from(message);
        var event = incoming.expectOneOf(List.of(ReturnRefunded.class, ReturnRefundFailed.class));
        if (event instanceof ReturnRefunded refunded) {
            returns.refunded(incoming, refunded);
        } else {
            returns.refundFailed(incoming, (ReturnRefundFailed) event);
        }
    }
}
