package org.switchboard.integration.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.integration.control.MarketingCommands;
import org.switchboard.integration.control.PartnerCommands;
import org.switchboard.messaging.IncomingMessage;

/**
 * Takes {@code CreateCustomer} commands that partner systems send from outside to queue
 * {@code partner.inbound} (the only thing the broker lets the partner role do) and forwards each to
 * {@code marketing.commands}, receiving and sending in one XA transaction. A partner's message is
 * read like any other: only a JSON TextMessage of the right type, version and schema gets through,
 * and its name must keep the rule the Web Store's own names keep ({@link PartnerCommands}); anything
 * else (an object or bytes message, which is never deserialised, malformed JSON, a schema
 * violation, a name with controls, bidi overrides or no letter, or not in NFC) goes to
 * {@code DLQ.partner.inbound} at once with the reason, by the module's default interceptor
 * ({@code ConsumerInterceptor}).
 */
@MessageDriven(
        name = "PartnerCommandsListener",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/partner.inbound"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
        })
public class PartnerCommandsListener implements MessageListener {

    @Inject
    MarketingCommands marketing;

    @Override
    public void onMessage(Message message) {
        marketing.send(PartnerCommands.admitted(IncomingMessage.from(message).expect(CreateCustomer.class)));
    }
}
