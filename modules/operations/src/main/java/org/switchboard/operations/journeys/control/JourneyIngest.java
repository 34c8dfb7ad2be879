package org.switchboard.operations.journeys.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.contracts.operations.MessageHandled;

/**
 * Stores journey notes with a group commit ({@link GroupCommit}): the consumer's sessions that
 * arrive while a commit runs share the next one. Each caller still returns only after its own note
 * is committed, so the broker acknowledges nothing that is not stored. Measured in
 * docs/benchmarks/registration-open-model.md ("Tuning tried").
 */
@ApplicationScoped
public class JourneyIngest {

    /** More than the consumer's sessions: a batch is at most every session's note. */
    static final int MAX_BATCH = 64;

    @Inject
    JourneyJournal journal;

    private GroupCommit<MessageHandled> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>(notes -> journal.recordAll(notes), MAX_BATCH);
    }

    /** Returns once the note is committed (or was recorded before). */
    public void record(MessageHandled note) {
        try {
            commits.write(note);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the note waited for its commit", e);
        }
    }
}
