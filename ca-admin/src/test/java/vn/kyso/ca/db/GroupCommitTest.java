package vn.kyso.ca.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.kyso.ca.testing.Concurrently;

class GroupCommitTest {

    /** A stand-in for a transaction: counts commits and keeps what each committed one did. */
    private static final class FakeDatabase {
        final AtomicInteger commits = new AtomicInteger();
        final Set<Integer> committed = ConcurrentHashMap.newKeySet();
        final ThreadLocal<List<Integer>> open = new ThreadLocal<>();

        void transaction(Runnable work) {
            List<Integer> writes = new ArrayList<>();
            open.set(writes);
            try {
                work.run();
                sleep(2); // a commit that takes time, as a file or a log flush does
                committed.addAll(writes);
                commits.incrementAndGet();
            } finally {
                open.remove();
            }
        }

        int write(int value) {
            open.get().add(value);
            return value;
        }
    }

    private static <T> T run(GroupCommit group, FakeDatabase db, java.util.function.Supplier<T> work) {
        GroupCommit.Slot<T> slot = group.run(work);
        if (!slot.alone()) {
            return slot.result();
        }
        List<T> result = new ArrayList<>();
        db.transaction(() -> result.add(work.get()));
        return result.get(0);
    }

    @Test
    void concurrentCallersShareCommitsAndEachReturnsItsOwnResultAfterItsCommit() throws Exception {
        FakeDatabase db = new FakeDatabase();
        GroupCommit group = new GroupCommit(db::transaction);
        Set<Integer> returned = ConcurrentHashMap.newKeySet();
        Concurrently.onThreads(8, thread -> {
            for (int i = 0; i < 100; i++) {
                int value = thread * 1000 + i;
                int got = run(group, db, () -> db.write(value));
                assertThat(got).isEqualTo(value);
                assertThat(db.committed).as("committed before the caller returns").contains(value);
                returned.add(got);
            }
        });
        assertThat(returned).hasSize(800);
        assertThat(db.committed).hasSize(800);
        assertThat(db.commits.get()).as("commits for 800 units on 8 threads").isLessThan(800);
    }

    @Test
    void aUnitThatFailsInASharedTransactionCostsTheOthersNothingAndFailsAloneForItsCaller() throws Exception {
        FakeDatabase db = new FakeDatabase();
        GroupCommit group = new GroupCommit(db::transaction);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        Set<Integer> returned = ConcurrentHashMap.newKeySet();
        Concurrently.onThreads(8, thread -> {
            start.countDown();
            for (int i = 0; i < 50; i++) {
                int value = thread * 1000 + i;
                if (value % 7 == 0) {
                    assertThatThrownBy(() -> run(group, db, () -> {
                        db.write(-value);
                        throw new IllegalStateException("refused " + value);
                    })).hasMessage("refused " + value);
                    refused.incrementAndGet();
                } else {
                    returned.add(run(group, db, () -> db.write(value)));
                }
            }
        });
        assertThat(db.committed).as("only what its callers were told").containsExactlyInAnyOrderElementsOf(returned);
        assertThat(returned.size() + refused.get()).isEqualTo(400);
        assertThat(db.committed).allSatisfy(v -> assertThat(v).isPositive());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
