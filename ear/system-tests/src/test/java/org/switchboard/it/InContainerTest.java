package org.switchboard.it;

import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.contracts.marketing.CreateCustomer;
import org.switchboard.marketing.control.ContactOnboarding;
import org.switchboard.messaging.JsonMessages;

/**
 * Runs inside the provisioned WildFly with switchboard.ear deployed, and hands each test the ways
 * in: the REST API, the tables, and a plain (non-XA) JMS connection factory for probing the broker.
 */
@ExtendWith(ArquillianExtension.class)
abstract class InContainerTest {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    Api api;
    Tables tables;

    /** The first message in a queue that belongs to this flow, or null; the queue keeps it. */
    Message firstOf(Queue queue, UUID correlationId) throws JMSException {
        try (var context = connectionFactory.createContext();
                var browser = context.createBrowser(queue, "JMSCorrelationID = '" + correlationId + "'")) {
            var messages = browser.getEnumeration();
            return messages.hasMoreElements() ? (Message) messages.nextElement() : null;
        }
    }

    /**
     * A valid command that Marketing fails on every attempt (fault injection): parked in
     * DLQ.marketing.commands by the broker once its attempts are used up.
     */
    CreateCustomer parkedCommand(Queue commands, Queue deadLetters) {
        var command = InvalidMessagesIT.command(UUID.randomUUID());
        var fault = FaultInjection.arm(ContactOnboarding.FAULT_AFTER_STORE, command.correlationId(), Integer.MAX_VALUE);
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer().send(commands, JsonMessages.toTextMessage(jms, command));
            await().atMost(Duration.ofSeconds(60)).until(() -> firstOf(deadLetters, command.correlationId()) != null);
        } finally {
            FaultInjection.disarm(fault);
        }
        return command;
    }

    /** A command without its required customerSince: dead-lettered by Marketing at its first delivery. */
    CreateCustomer schemaViolation(Queue commands, Queue deadLetters) {
        var command = InvalidMessagesIT.command(UUID.randomUUID());
        var body = JsonMessages.toJson(command).replaceFirst("\"customerSince\":\"[^\"]*\",?", "");
        try (var jms = connectionFactory.createContext()) {
            jms.createProducer()
                    .send(
                            commands,
                            InvalidMessagesIT.raw(
                                    jms, CreateCustomer.TYPE, 1, command.messageId(), command.correlationId(), body));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> firstOf(deadLetters, command.correlationId()) != null);
        return command;
    }

    /** The JMS id of this flow's dead letter, as the operations API lists it. */
    String deadLetterId(UUID correlationId) {
        return api.as("viewer").get("api/ops/dead-letters").array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("messages").getValuesAs(jakarta.json.JsonObject.class).stream())
                .filter(m -> correlationId.toString().equals(m.getString("correlationId", null)))
                .map(m -> m.getString("id"))
                .findFirst()
                .orElseThrow();
    }

    /** Removes this flow's messages from a queue (a test's own dead letters). */
    void drain(Queue queue, UUID correlationId) {
        try (var context = connectionFactory.createContext();
                var consumer = context.createConsumer(queue, "JMSCorrelationID = '" + correlationId + "'")) {
            while (consumer.receiveNoWait() != null) {
                // removed
            }
        }
    }

    @BeforeEach
    void connect() {
        api = new Api(base);
        tables = new Tables(dataSource);
    }
}
