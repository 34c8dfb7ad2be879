package org.switchboard.operations.journeys.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aCallerAloneWritesAtOnce() throws Exception {
        var commits = new GroupCommit<String>(writes::add, 10);

        commits.write("a");

        assertThat(writes).containsExactly(List.of("a"));
    }

    @Test
    void callersThatArriveDuringAWriteShareTheNextOneAndEachReturnsAfterItsOwn() throws Exception {
        var firstWriteEntered = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        var commits = new GroupCommit<String>(
                batch -> {
                    if (batch.contains("first")) {
                        firstWriteEntered.countDown();
                        awaitLatch(releaseFirstWrite);
                    }
                    writes.add(batch);
                },
                10);
        var first = call(commits, "first");
        awaitLatch(firstWriteEntered);
        var others = new ArrayList<Future<?>>();
        for (var item : List.of("b", "c", "d")) {
            others.add(call(commits, item));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 3);
        // They wait for the write in progress: none of them has returned, nothing of theirs is written.
        for (var other : others) {
            assertThat(other).isNotDone();
        }

        releaseFirstWrite.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (var other : others) {
            other.get(10, TimeUnit.SECONDS);
        }

        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).containsExactly("first");
        assertThat(writes.get(1)).containsExactlyInAnyOrder("b", "c", "d");
    }

    @Test
    void aBatchNeverExceedsItsLimit() throws Exception {
        var firstWriteEntered = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        var commits = new GroupCommit<String>(
                batch -> {
                    if (batch.contains("first")) {
                        firstWriteEntered.countDown();
                        awaitLatch(releaseFirstWrite);
                    }
                    writes.add(batch);
                },
                2);
        var first = call(commits, "first");
        awaitLatch(firstWriteEntered);
        var others = new ArrayList<Future<?>>();
        for (var item : List.of("b", "c", "d", "e", "f")) {
            others.add(call(commits, item));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 5);
        releaseFirstWrite.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (var other : others) {
            other.get(10, TimeUnit.SECONDS);
        }

        assertThat(writes).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(writes.stream().flatMap(List::stream)).containsExactlyInAnyOrder("first", "b", "c", "d", "e", "f");
    }

    @Test
    void aFailedBatchIsWrittenOneByOneSoThatOnlyTheBadItemFails() throws Exception {
        var firstWriteEntered = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        var commits = new GroupCommit<String>(
                batch -> {
                    if (batch.contains("first")) {
                        firstWriteEntered.countDown();
                        awaitLatch(releaseFirstWrite);
                    }
                    if (batch.contains("bad")) {
                        throw new IllegalArgumentException("bad item");
                    }
                    writes.add(batch);
                },
                10);
        var first = call(commits, "first");
        awaitLatch(firstWriteEntered);
        var good = call(commits, "good");
        var bad = call(commits, "bad");
        var alsoGood = call(commits, "also good");
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waiting() == 3);
        releaseFirstWrite.countDown();

        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        alsoGood.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("bad item");
        assertThat(writes.stream().flatMap(List::stream)).containsExactlyInAnyOrder("first", "good", "also good");
    }

    @Test
    void aCallerAloneGetsItsFailure() {
        var commits = new GroupCommit<String>(
                batch -> {
                    throw new IllegalStateException("database down");
                },
                10);

        assertThatThrownBy(() -> commits.write("a")).isInstanceOf(IllegalStateException.class);
    }

    private Future<?> call(GroupCommit<String> commits, String item) {
        var started = new CompletableFuture<Void>();
        var future = callers.submit(() -> {
            started.complete(null);
            commits.write(item);
            return null;
        });
        started.join();
        return future;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
