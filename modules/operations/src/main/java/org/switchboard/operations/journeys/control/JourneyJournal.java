package org.switchboard.operations.journeys.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.operations.journeys.entity.Handling;
import org.switchboard.operations.journeys.entity.JourneyMessage;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;
import org.switchboard.operations.journeys.entity.Sending;

/**
 * The journey notes Operations has received, in table {@code operations.journey_step}. A note is
 * recorded once even when it is delivered again: its own message id is the primary key. Notes are
 * written in batches, one statement each ({@link #recordAll}).
 */
@ApplicationScoped
public class JourneyJournal {

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    /**
     * Records a batch of notes in one statement, in auto-commit: one round trip and one commit for
     * the batch, all or nothing. A note recorded before (the same note delivered again) is skipped.
     * Plain JDBC on the datasource, outside any JTA transaction (see {@code JourneyIngest}).
     *
     * @return how many of them were new
     */
    public int recordAll(List<MessageHandled> notes) throws SQLException {
        if (notes.isEmpty()) {
            return 0;
        }
        int size = notes.size();
        var noteIds = new UUID[size];
        var correlationIds = new UUID[size];
        var messageIds = new UUID[size];
        var types = new String[size];
        var versions = new Integer[size];
        var causedBy = new UUID[size];
        var destinations = new String[size];
        var subscriptions = new String[size];
        var contexts = new String[size];
        var consumers = new String[size];
        // As ISO-8601 text with its offset ("Z"): pgjdbc would write a Timestamp[] in the JVM's zone
        // without an offset, for the server to read in the session's zone.
        var sentAt = new String[size];
        var handledAt = new String[size];
        var deliveryCounts = new Integer[size];
        var outcomes = new String[size];
        var reasons = new String[size];
        for (int i = 0; i < size; i++) {
            var note = notes.get(i);
            noteIds[i] = note.messageId();
            correlationIds[i] = note.correlationId();
            messageIds[i] = note.causationId();
            types[i] = note.handledType();
            versions[i] = note.handledSchemaVersion();
            causedBy[i] = note.handledCausationId();
            destinations[i] = note.destination();
            subscriptions[i] = note.subscription();
            contexts[i] = note.context();
            consumers[i] = note.consumer();
            sentAt[i] = note.sentAt() != null ? note.sentAt().toString() : null;
            handledAt[i] = note.occurredAt().toString();
            deliveryCounts[i] = note.deliveryCount();
            outcomes[i] = note.outcome();
            reasons[i] = note.reason();
        }
        // Outside a JTA transaction a connection of the JTA datasource is in auto-commit: the one
        // statement is the transaction.
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setArray(1, connection.createArrayOf("uuid", noteIds));
            insert.setArray(2, connection.createArrayOf("uuid", correlationIds));
            insert.setArray(3, connection.createArrayOf("uuid", messageIds));
            insert.setArray(4, connection.createArrayOf("varchar", types));
            insert.setArray(5, connection.createArrayOf("int4", versions));
            insert.setArray(6, connection.createArrayOf("uuid", causedBy));
            insert.setArray(7, connection.createArrayOf("varchar", destinations));
            insert.setArray(8, connection.createArrayOf("varchar", subscriptions));
            insert.setArray(9, connection.createArrayOf("varchar", contexts));
            insert.setArray(10, connection.createArrayOf("varchar", consumers));
            insert.setArray(11, connection.createArrayOf("text", sentAt));
            insert.setArray(12, connection.createArrayOf("text", handledAt));
            insert.setArray(13, connection.createArrayOf("int4", deliveryCounts));
            insert.setArray(14, connection.createArrayOf("varchar", outcomes));
            insert.setArray(15, connection.createArrayOf("varchar", reasons));
            // A write that hangs (a network partition mid-statement) must not hold the only consumer for good.
            insert.setQueryTimeout(30);
            return insert.executeUpdate();
        }
    }

    private static final String INSERT_ALL = "insert into operations.journey_step (note_id, correlation_id,"
            + " message_id, message_type, schema_version, caused_by, destination, subscription, context, consumer,"
            + " sent_at, handled_at, delivery_count, outcome, reason)"
            + " select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::int4[], ?::uuid[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[],"
            + " ?::int4[], ?::varchar[], ?::varchar[])"
            // A note delivered again (a server stopped between this commit and the acknowledgement).
            + " on conflict (note_id) do nothing";

    /** Every note of one flow, as steps in the order the deliveries ended. */
    public List<JourneyStep> of(UUID correlationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select message_id, message_type, schema_version, caused_by, destination,"
                                + " subscription, context, consumer, sent_at, handled_at, delivery_count, outcome, reason"
                                + " from operations.journey_step where correlation_id = ?1 order by handled_at, note_id")
                .setParameter(1, correlationId)
                .setMaxResults(1000)
                .getResultList();
        var steps = new ArrayList<JourneyStep>();
        for (var row : rows) {
            steps.add(new JourneyStep(
                    new JourneyMessage(
                            row[0].toString(),
                            (String) row[1],
                            row[2] != null ? ((Number) row[2]).intValue() : null,
                            row[3] != null ? row[3].toString() : null),
                    new Sending((String) row[4], (String) row[5], instant(row[8])),
                    new Handling((String) row[6], (String) row[7], instant(row[9]), ((Number) row[10]).intValue()),
                    Outcome.valueOf((String) row[11]),
                    (String) row[12],
                    null));
        }
        return steps;
    }

    /** Forgets notes recorded before the cut-off, in the caller's transaction; returns how many. */
    public int forgetBefore(Instant cutOff) {
        return em.createNativeQuery("delete from operations.journey_step where recorded_at < ?1")
                .setParameter(1, Timestamp.from(cutOff))
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + value.getClass());
    }
}
