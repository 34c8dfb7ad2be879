package org.switchboard.benchmark.peer;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/** The integration hop: consumes the registration and sends the contact command, in one XA transaction. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/peer.registered"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class RegisteredListener implements MessageListener {

    @Inject
    @JMSConnectionFactory("java:/jms/peer/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/peer.contacts")
    Queue contacts;

    @Override
    public void onMessage(Message message) {
        try {
            jms.createProducer().send(contacts, ((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
