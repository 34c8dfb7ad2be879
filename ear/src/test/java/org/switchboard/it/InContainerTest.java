package org.switchboard.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.net.URL;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

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
