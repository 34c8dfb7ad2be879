package org.switchboard.operations.journeys.control;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.contracts.operations.MessageHandled;
import org.switchboard.messaging.DeadLetters;
import org.switchboard.messaging.FaultPoints;
import org.switchboard.messaging.IncomingMessage;
import org.switchboard.messaging.Transience;
import org.switchboard.messaging.UnreadableMessageException;

/**
 * One batch of journey notes, taken in a locally transacted broker session by
 * {@code JourneyIngest}: read, written in one statement ({@link JourneyJournal#recordAll}) and the
 * session's transaction ended, committed or rolled back for a redelivery. What happens on each
 * failure is described on {@code JourneyIngest}. Used by one thread at a time.
 */
public class NoteBatches {

    /** Fault point: the batch fails before it is written, once per note's flow (tests arm it as an outage). */
    public static final String FAULT_BEFORE_STORE = "operations.journey.before-store";

    /** The most notes in one transaction. */
    public static final int MAX_BATCH = 200;

    /** The longest pause between two attempts to write a batch while the database is unavailable. */
    public static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    /** How long after a refused batch notes go one by one. */
    public static final Duration ALONE = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(NoteBatches.class.getName());

    /** Waits between two attempts; false when the caller is stopping. */
    @FunctionalInterface
    public interface Pauses {
        boolean pause(Duration duration);
    }

    private final JourneyJournal journal;
    private final Queue queue;
    private Instant aloneUntil = Instant.MIN;

    /** @param queue where the notes are read, for the dead-letter queue of an unreadable one */
    public NoteBatches(JourneyJournal journal, Queue queue) {
        this.journal = journal;
        this.queue = queue;
    }

    /** How many notes the next batch may hold: one while notes go alone after a refused batch. */
    public int nextBatchSize() {
        return Instant.now().isBefore(aloneUntil) ? 1 : MAX_BATCH;
    }

    /** Records the batch and ends the session's transaction: committed, or rolled back for a redelivery. */
    public void record(Session session, DeadLetters deadLetters, List<Message> batch, Pauses pauses)
            throws JMSException {
        var notes = new ArrayList<MessageHandled>(batch.size());
        for (var message : batch) {
            try {
                notes.add(IncomingMessage.from(message).expect(MessageHandled.class));
            } catch (UnreadableMessageException problem) {
                if (!deadLetters.reject(message, problem, null, queue)) {
                    refused(session, "a note could not be moved to DLQ.ops.journey", null);
                    return;
                }
            } catch (RuntimeException ours) {
                // Not the note's fault (the registry, the validator): retried, one note at a time.
                refused(session, "a note could not be read", ours);
                return;
            }
        }
        var pause = Duration.ofMillis(250);
        boolean unavailable = false;
        while (true) {
            try {
                for (var note : notes) {
                    FaultPoints.pass(FAULT_BEFORE_STORE, note.correlationId());
                }
                journal.recordAll(notes);
                break;
            } catch (SQLException | RuntimeException e) {
                if (!unavailableNow(e)) {
                    refused(session, "the database refused a batch of " + notes.size(), e);
                    return;
                }
                if (!unavailable) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "Journey notes not recorded, the database is unavailable; keeping the batch of {0} and"
                                    + " trying again: {1}",
                            notes.size(),
                            String.valueOf(Transience.rootCause(e)));
                    unavailable = true;
                }
                if (!pauses.pause(pause)) {
                    // Stopping: the broker keeps them for the next start.
                    session.rollback();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
        session.commit();
        if (unavailable) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "Journey notes recorded again ({0} kept through the outage)",
                    notes.size());
        }
    }

    /**
     * The batch goes back to the broker for a redelivery, and the notes after it one per
     * transaction for a while, so that a note that always fails fails alone.
     */
    private void refused(Session session, String why, Throwable failure) throws JMSException {
        LOG.log(
                System.Logger.Level.ERROR,
                "Journey notes rolled back for a redelivery, each note alone for the next " + ALONE.toMinutes()
                        + " minute(s): " + why,
                failure);
        aloneUntil = Instant.now().plus(ALONE);
        session.rollback();
    }

    /**
     * The database cannot take anything now ({@link Transience}), a conflict that a retry resolves
     * (SQLState class 40: serialization failure, deadlock), or the write timed out (57014, the
     * statement's 30-s timeout): keep the batch and try again.
     */
    private static boolean unavailableNow(Throwable failure) {
        if (Transience.isTransient(failure)) {
            return true;
        }
        // At most 20 causes deep: the JDK does not forbid cycles in a cause chain.
        var cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || "57014".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
