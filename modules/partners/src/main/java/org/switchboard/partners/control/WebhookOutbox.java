package org.switchboard.partners.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IdempotentConsumer;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.partners.entity.Endpoint;
import org.switchboard.partners.entity.EventType;

/**
 * Writes an event's webhook deliveries: in one local transaction the claim of the message id and
 * one delivery row per endpoint that subscribed to the event's type (enabled or not: a disabled
 * endpoint's deliveries wait for it). Then the listener acknowledges (ADR 0009). A redelivered
 * event finds its id claimed and writes nothing; the unique (endpoint, event) holds the same.
 *
 * <p>What a partner receives, the body the signature covers:
 * {@code {"id": <event id>, "type": "order.confirmed", "occurredAt": ..., "data": <the event>}}.
 */
@ApplicationScoped
public class WebhookOutbox {

    /** Fault point: after the deliveries are written, before the consumer's transaction commits. */
    public static final String FAULT_AFTER_FANOUT = "partners.after-fanout";

    @PersistenceContext(unitName = "partners")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRED)
    public void fanOut(IncomingMessage message, EventType type, Message event) {
        if (!new IdempotentConsumer("partners").claim(message)) {
            return;
        }
        var body = body(type, event, JsonMessages.toJson(event));
        var table = new DeliveryTable(dataSource);
        var endpoints = em.createQuery("select e from Endpoint e order by e.createdAt", Endpoint.class)
                .getResultList();
        try {
            for (var endpoint : endpoints) {
                if (endpoint.subscribes(type)) {
                    table.insert(
                            endpoint.id(),
                            new DeliveryTable.Event(event.messageId(), event.correlationId(), type.publicName(), body),
                            event.occurredAt());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the deliveries of " + message, e);
        }
        FaultPoints.pass(FAULT_AFTER_FANOUT, event.correlationId());
    }

    static String body(EventType type, Message event, String data) {
        try (var reader = Json.createReader(new StringReader(data))) {
            return Json.createObjectBuilder()
                    .add("id", event.messageId().toString())
                    .add("type", type.publicName())
                    .add("occurredAt", event.occurredAt().toString())
                    .add("data", reader.readObject())
                    .build()
                    .toString();
        }
    }
}
