package vn.kyso.ca.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group commit: concurrent callers' units of work run one after another in a single transaction,
 * with one commit for all, on the thread of whichever caller leads. A file database writes its
 * changed pages at every commit and PostgreSQL flushes its log, so at many issuances a second the
 * commit was the largest single cost; shared, it is paid once per group.
 *
 * <p>A caller that finds no group running leads: at once when the last group was of one (callers
 * coming one at a time never wait), else after a short wait for the callers on their way; the
 * callers that arrive while a group commits form the next group. Every caller returns only after the commit
 * that holds its work. When a shared transaction fails, nothing of it is kept and each caller runs
 * its work again in a transaction of its own, so that one caller's refusal (or a serial collision)
 * is that caller's alone and reaches it as its own exception.
 */
final class GroupCommit {

    /** At most this many units share a commit: the leader's own caller waits for them all. */
    static final int MAX_GROUP = 32;

    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int ALONE = 2;

    /**
     * How long a leader waits for company when the last group had some: far less than the commit
     * it saves, and never when callers come one at a time.
     */
    static final long LINGER_NANOS = 300_000L;

    private final ReentrantLock leader = new ReentrantLock();
    private int lastGroup; // guarded by leader
    private final ConcurrentLinkedQueue<Slot<?>> waiting = new ConcurrentLinkedQueue<>();
    private final Consumer<Runnable> oneTransaction;

    /** {@code oneTransaction} runs its argument in one transaction and commits, or throws having rolled back. */
    GroupCommit(Consumer<Runnable> oneTransaction) {
        this.oneTransaction = oneTransaction;
    }

    /** The work's result once committed; or, when a shared transaction failed, null with {@code alone} set. */
    <T> Slot<T> run(Supplier<T> work) {
        Slot<T> mine = new Slot<>(work, Thread.currentThread());
        waiting.add(mine);
        while (mine.state == PENDING) {
            if (leader.tryLock()) {
                try {
                    lead(mine);
                } finally {
                    leader.unlock();
                }
                Slot<?> next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner); // it leads the next group
                }
            } else {
                // woken by the leader when its group is committed, or when it may lead next
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
        return mine;
    }

    private void lead(Slot<?> mine) {
        if (lastGroup > 1) {
            // company is likely: let the callers that are on their way join this commit
            LockSupport.parkNanos(this, LINGER_NANOS);
        }
        while (mine.state == PENDING) {
            List<Slot<?>> group = new ArrayList<>();
            Slot<?> s;
            while (group.size() < MAX_GROUP && (s = waiting.poll()) != null) {
                group.add(s);
            }
            lastGroup = group.size();
            int outcome;
            try {
                oneTransaction.accept(() -> group.forEach(Slot::runWork));
                outcome = DONE;
            } catch (Throwable e) { // an Error too: no caller may be left waiting
                if (group.size() == 1 && e instanceof RuntimeException refused) {
                    group.get(0).error = refused;
                    outcome = DONE;
                } else {
                    outcome = ALONE;
                }
            }
            for (Slot<?> done : group) {
                done.state = outcome;
                if (done != mine) {
                    LockSupport.unpark(done.owner);
                }
            }
        }
    }

    static final class Slot<T> {
        private final Supplier<T> work;
        private final Thread owner;
        private volatile int state = PENDING;
        private T result;
        private RuntimeException error;

        private Slot(Supplier<T> work, Thread owner) {
            this.work = work;
            this.owner = owner;
        }

        private void runWork() {
            result = work.get();
        }

        /** Whether the shared transaction failed, and the caller must run its work alone. */
        boolean alone() {
            return state == ALONE;
        }

        T result() {
            if (error != null) {
                throw error;
            }
            return result;
        }
    }
}
