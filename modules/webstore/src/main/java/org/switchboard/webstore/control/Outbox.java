package org.switchboard.webstore.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.switchboard.contracts.Message;
import org.switchboard.messaging.JsonMessages;
import org.switchboard.webstore.entity.OutboxMessage;

/**
 * The Web Store's outbox: messages are written here in the transaction of the change they report
 * ({@link #add}) and taken out by {@link OutboxRelay} in transactions of their own, so that no
 * transaction spans the database and the broker. A CDI bean, not an EJB, so that a
 * {@code ContractViolationException} reaches the caller as it is.
 */
@ApplicationScoped
public class Outbox {

    // Looked up once: each Json.createX looks the provider up through ServiceLoader, which under load
    // serialises threads on the class loader's jar files (docs/benchmarks/registration-open-model.md).
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "webstore")
    EntityManager em;

    @Inject
    Event<OutboxMessageAdded> added;

    /**
     * Stores the message as it will be sent: validated against its schema, with its headers.
     *
     * @throws org.switchboard.messaging.ContractViolationException if it breaks its schema
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Message message) {
        var envelope = JsonMessages.envelope(message);
        em.persist(new OutboxMessage(
                message.messageId(),
                message.getClass().getSimpleName(),
                headersToJson(envelope.headers()),
                envelope.body(),
                message.correlationId(),
                Instant.now()));
        added.fire(new OutboxMessageAdded(message.messageId()));
    }

    /**
     * Takes up to {@code max} messages that no relay holds, oldest first, and holds them for
     * {@code lease}. Rows another node is claiming right now are skipped, not waited for.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Pending> claim(int max, Duration lease) {
        var now = Instant.now();
        @SuppressWarnings("unchecked")
        List<OutboxMessage> free = em.createNativeQuery(
                        "select * from webstore.outbox_message where lease_until is null or lease_until < ?1"
                                + " order by id limit ?2 for update skip locked",
                        OutboxMessage.class)
                .setParameter(1, now)
                .setParameter(2, max)
                .getResultList();
        free.forEach(message -> message.lease(now, lease));
        return free.stream()
                .map(message -> new Pending(
                        message.id(),
                        message.messageId(),
                        message.correlationId(),
                        new JsonMessages.Envelope(message.body(), headersFromJson(message.headers()))))
                .toList();
    }

    /** After a relay run: the published messages leave the outbox, the others are free again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(List<Long> published, List<Long> unpublished) {
        if (!published.isEmpty()) {
            em.createQuery("delete from OutboxMessage m where m.id in :ids")
                    .setParameter("ids", published)
                    .executeUpdate();
        }
        if (!unpublished.isEmpty()) {
            em.createQuery("update OutboxMessage m set m.leaseUntil = null where m.id in :ids")
                    .setParameter("ids", unpublished)
                    .executeUpdate();
        }
    }

    /** A message taken from the outbox to be sent. */
    public record Pending(long id, UUID messageId, UUID correlationId, JsonMessages.Envelope envelope) {}

    /** Raised in the writing transaction; observers that care about the commit say so. */
    public record OutboxMessageAdded(UUID messageId) {}

    /** Header values are strings or ints (the schema version): JSON keeps that apart. */
    static String headersToJson(Map<String, Object> headers) {
        var json = JSON.createObjectBuilder();
        headers.forEach((name, value) -> {
            if (value instanceof Integer number) {
                json.add(name, number);
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        return json.build().toString();
    }

    static Map<String, Object> headersFromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            var headers = new LinkedHashMap<String, Object>();
            reader.readObject().forEach((name, value) -> {
                switch (value.getValueType()) {
                    case NUMBER -> headers.put(name, ((JsonNumber) value).intValueExact());
                    case STRING -> headers.put(name, ((JsonString) value).getString());
                    default -> throw new IllegalStateException("Header " + name + " is neither a string nor a number");
                }
            });
            return headers;
        }
    }
}
