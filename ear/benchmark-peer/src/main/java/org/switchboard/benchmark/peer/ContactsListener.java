package org.switchboard.benchmark.peer;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.UUID;

/** The marketing hop: consumes the command and inserts the contact, in one JTA transaction. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/peer.contacts"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class ContactsListener implements MessageListener {

    @PersistenceContext
    EntityManager em;

    @Override
    public void onMessage(Message message) {
        try (var reader = Json.createReader(new StringReader(((TextMessage) message).getText()))) {
            var command = reader.readObject();
            em.persist(new Contact(
                    UUID.fromString(command.getString("customerId")),
                    command.getString("email"),
                    command.getString("fullName")));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
