package org.switchboard.operations.journeys.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lets concurrent callers share one database commit, and returns to each only after the commit
 * that holds its item: a group commit. Each caller adds its item and then either waits while
 * another caller writes, or writes everything waiting so far (itself included) in one call of the
 * writer. No thread of its own and no timer: a batch is whatever arrived while the previous write
 * ran, so one caller alone writes at once, and under load batches grow by themselves.
 *
 * <p>If a batch of several fails, its items are written one by one (each a call of the writer with
 * one item), so that one bad item fails only its own caller. A failure reaches the caller whose
 * item failed, as the writer threw it.
 */
public final class GroupCommit<T> {

    private final Consumer<List<T>> writer;
    private final int maxBatch;
    private final Object lock = new Object();
    private List<Pending<T>> waiting = new ArrayList<>();
    private boolean writing;

    /**
     * @param writer writes a batch all or nothing (one transaction), or throws
     * @param maxBatch the most items one write takes
     */
    public GroupCommit(Consumer<List<T>> writer, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch < 1");
        }
        this.writer = writer;
        this.maxBatch = maxBatch;
    }

    /** Returns once {@code item} is written; throws what writing it threw. */
    public void write(T item) throws InterruptedException {
        var mine = new Pending<>(item);
        synchronized (lock) {
            waiting.add(mine);
        }
        while (true) {
            List<Pending<T>> batch;
            synchronized (lock) {
                while (!mine.done && writing) {
                    lock.wait();
                }
                if (mine.done) {
                    break;
                }
                writing = true;
                if (waiting.size() <= maxBatch) {
                    batch = waiting;
                    waiting = new ArrayList<>();
                } else {
                    batch = new ArrayList<>(waiting.subList(0, maxBatch));
                    waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
                }
            }
            try {
                writeAll(batch);
            } finally {
                synchronized (lock) {
                    writing = false;
                    lock.notifyAll();
                }
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many items wait for a write (not the one in progress). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void writeAll(List<Pending<T>> batch) {
        try {
            writer.accept(batch.stream().map(p -> p.item).toList());
            finish(batch, null);
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                finish(batch, failure);
                return;
            }
            for (var one : batch) {
                try {
                    writer.accept(List.of(one.item));
                    finish(List.of(one), null);
                } catch (RuntimeException itsFailure) {
                    finish(List.of(one), itsFailure);
                }
            }
        }
    }

    private void finish(List<Pending<T>> items, RuntimeException failure) {
        synchronized (lock) {
            for (var p : items) {
                p.failure = failure;
                p.done = true;
            }
        }
    }

    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }
}
