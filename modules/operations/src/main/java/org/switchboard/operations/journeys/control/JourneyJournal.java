package org.switchboard.operations.journeys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.operations.journeys.entity.Handling;
import org.switchboard.operations.journeys.entity.JourneyMessage;
import org.switchboard.operations.journeys.entity.JourneyStep;
import org.switchboard.operations.journeys.entity.Outcome;
import org.switchboard.operations.journeys.entity.Sending;

/**
 * The journey notes Operations has received, in table {@code operations.journey_step}. A note is
 * recorded once even when it is delivered again: its own message id is the primary key.
 */
@ApplicationScoped
public class JourneyJournal {

    @PersistenceContext(unitName = "operations")
    EntityManager em;

    /** Records a note in a transaction of its own (or the caller's); false if it was recorded before. */
    @Transactional
    public boolean record(MessageHandled note) {
        return em.createNativeQuery("insert into operations.journey_step (note_id, correlation_id, message_id,"
                                + " message_type, schema_version, caused_by, destination, subscription, context, consumer,"
                                + " sent_at, handled_at, delivery_count, outcome, reason)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?15, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                                + " on conflict (note_id) do nothing")
                        .setParameter(1, note.messageId())
                        .setParameter(2, note.correlationId())
                        .setParameter(3, note.causationId())
                        .setParameter(4, note.handledType())
                        .setParameter(5, note.handledSchemaVersion())
                        .setParameter(6, note.destination())
                        .setParameter(7, note.subscription())
                        .setParameter(8, note.context())
                        .setParameter(9, note.consumer())
                        .setParameter(10, note.sentAt() != null ? Timestamp.from(note.sentAt()) : null)
                        .setParameter(11, Timestamp.from(note.occurredAt()))
                        .setParameter(12, note.deliveryCount())
                        .setParameter(13, note.outcome())
                        .setParameter(14, note.reason())
                        .setParameter(15, note.handledCausationId())
                        .executeUpdate()
                == 1;
    }

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
