package vn.kyso.server.usage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import vn.kyso.usage.CertificateNotice;
import vn.kyso.usage.UsageReports;

/**
 * Feeds the CA's issuances and status changes to the usage inventory in batches, in the order the
 * CA committed them, on one thread of its own: an issuance's request no longer waits for the usage
 * module's own write and commit (it was a seventh of an issuance's CPU over HTTP), and a batch of
 * notices costs one usage transaction instead of one each.
 *
 * <p>A notice is only queued after the CA's commit, so a crash can lose the queued ones:
 * {@link InventoryReconciliation} compares the inventory with the CA's register at every start and
 * feeds what is missing or stale. A batch that fails is applied again notice by notice, so that one
 * bad notice (logged) costs no other. Shutdown applies what is queued.
 */
@Component
class InventoryFeed {

    /**
     * One queued piece of work, prepared on the feed's thread just before its batch is applied:
     * the notices it stands for (none when there is nothing to do). {@code announced} says whether a
     * serial (lower-case hex) is issued by an earlier notice of the same batch, not yet stored.
     */
    interface Item {
        List<CertificateNotice> prepare(Predicate<String> announced);
    }

    private static final Logger log = LoggerFactory.getLogger(InventoryFeed.class);
    static final int BATCH = 500;
    /**
     * How long the feed lets notices gather after a batch: a file database rewrites the changed
     * pages of the inventory's table and indexes at each commit, whatever the batch's size, so a
     * batch of one per issuance costs nearly what the synchronous write did. The inventory is
     * behind the register by at most this, and {@link #drain} does not wait for it.
     */
    static final long LINGER_NANOS = 100_000_000L;

    private final UsageReports usage;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long queued;
    private long done;
    private final Thread worker;
    private volatile boolean stopping;
    private volatile boolean hurry;

    InventoryFeed(UsageReports usage) {
        this.usage = usage;
        this.worker = new Thread(this::run, "usage-inventory-feed");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues the work; returns at once. */
    void add(Item item) {
        synchronized (progress) {
            queued++;
        }
        queue.add(item);
    }

    /** Waits until everything queued before the call has been applied (or has failed and been logged). */
    void drain() {
        hurry = true;
        LockSupport.unpark(worker);
        synchronized (progress) {
            long target = queued;
            while (done < target && worker.isAlive()) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        drain();
        stopping = true;
        worker.interrupt();
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        long lastBatch = System.nanoTime();
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            long wait;
            while (!hurry && !stopping && queue.size() < BATCH
                    && (wait = LINGER_NANOS - (System.nanoTime() - lastBatch)) > 0) {
                LockSupport.parkNanos(this, wait);
            }
            hurry = false;
            queue.drainTo(batch, BATCH - 1);
            apply(batch);
            lastBatch = System.nanoTime();
            synchronized (progress) {
                done += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private void apply(List<Item> batch) {
        List<CertificateNotice> notices = new ArrayList<>();
        Set<String> issued = new HashSet<>();
        for (Item item : batch) {
            try {
                for (CertificateNotice notice : item.prepare(issued::contains)) {
                    notices.add(notice);
                    if (notice.change() == CertificateNotice.Change.ISSUED) {
                        issued.add(notice.certificate().serial());
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Usage inventory not updated: {}", e.toString());
            }
        }
        if (notices.isEmpty()) {
            return;
        }
        try {
            usage.onCertificates(notices);
        } catch (RuntimeException batchFailed) {
            for (CertificateNotice notice : notices) {
                try {
                    usage.onCertificate(notice);
                } catch (RuntimeException e) {
                    log.warn("Usage inventory not updated ({} {}): {}", notice.change(), notice.certificate().serial(),
                            e.toString());
                }
            }
        }
    }
}
