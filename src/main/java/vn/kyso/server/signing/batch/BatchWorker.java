package vn.kyso.server.signing.batch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigning;
import vn.kyso.server.signing.OneAtATime;
import vn.kyso.server.signing.SignedDocument;
import vn.kyso.server.signing.SigningOrder;
import vn.kyso.server.signing.Upload;
import vn.kyso.server.signing.batch.BatchException.Code;
import vn.kyso.server.signing.batch.BatchView.Status;

/**
 * The job threads of this instance (at most {@code max-running}, no queue): each checks its
 * documents, unlocks the key (completing the starter's future with the job id, or with the
 * refusal), stores the documents, then signs them one by one, {@code signing-threads} documents
 * at a time across all jobs. Each document's result and its usage event are committed in one
 * transaction. Also the heartbeat of these jobs, and the sweep of jobs whose instance stopped.
 */
@Component
class BatchWorker {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);
    private static final int ATTEMPTS = 3;

    private final DocumentSigning signing;
    private final BatchStore store;
    private final BatchProgress progress;
    private final TransactionTemplate tx;
    private final BatchProperties properties;
    private final Clock clock;
    private final SecureRandom random;
    private final ThreadPoolExecutor jobs;
    private final Semaphore signingSlots;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BatchWorker(DocumentSigning signing, BatchStore store, BatchProgress progress,
            PlatformTransactionManager transactions, BatchProperties properties, Clock clock, SecureRandom random) {
        this.signing = signing;
        this.store = store;
        this.progress = progress;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.random = random;
        AtomicInteger threads = new AtomicInteger();
        // no queue: a job waiting for a thread would keep its PIN in memory, and its request waiting
        this.jobs = new ThreadPoolExecutor(properties.maxRunning(), properties.maxRunning(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> new Thread(r, "kyso-batch-" + threads.incrementAndGet()));
        this.jobs.allowCoreThreadTimeOut(true);
        this.signingSlots = new Semaphore(properties.signingThreads());
    }

    /** Hands a job to a thread; {@code started} gets its id once stored, or the refusal. */
    void submit(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads,
            CompletableFuture<String> started) {
        try {
            jobs.execute(() -> run(user, channel, order, uploads, started));
        } catch (RejectedExecutionException full) {
            Arrays.fill(order.pin(), '\0');
            throw new BatchException(Code.BUSY, "as many batch jobs run as allowed");
        }
    }

    private void run(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads,
            CompletableFuture<String> started) {
        String[] id = {null};
        try {
            signing.signOneAtATime(user, channel, order, uploads, open -> {
                if (started.isCancelled()) {
                    return null;
                }
                id[0] = newId();
                Instant now = clock.instant();
                tx.executeWithoutResult(s -> store.create(id[0], user.accountId(), order.step().name(),
                        open.level().shortName(), uploads, now));
                uploads.clear(); // the documents are in the database now: read back one at a time
                runningHere.add(id[0]);
                if (started.complete(id[0])) {
                    signAll(id[0], open);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!started.completeExceptionally(e)) {
                log.warn("Batch job {} stopped: {}", id[0], e.toString());
            }
        } finally {
            if (id[0] != null) {
                end(id[0]);
            }
        }
    }

    private void signAll(String id, OneAtATime open) {
        int total = store.job(id).orElseThrow().total();
        for (int position = 0; position < total && !stopping; position++) {
            Upload upload = store.pending(id, position).orElse(null);
            if (upload == null) {
                continue;
            }
            long began = System.nanoTime();
            SignedDocument signed = null;
            RuntimeException failure = null;
            try {
                signingSlots.acquire();
                try {
                    signed = open.sign(upload);
                } finally {
                    signingSlots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (!record(id, position, upload, signed, failure, Duration.ofNanos(System.nanoTime() - began), open)) {
                return; // declared interrupted meanwhile (a stall longer than three heartbeats)
            }
            progress.publish(store.view(id));
        }
        if (!stopping) {
            tx.executeWithoutResult(s -> store.finish(id, Status.COMPLETED, clock.instant()));
        }
    }

    /**
     * Stores one document's result and publishes its event in one transaction (the usage module
     * records the event in it); retried when the database gives way, since nothing was kept.
     */
    private boolean record(String id, int position, Upload upload, SignedDocument signed, RuntimeException failure,
            Duration took, OneAtATime open) {
        for (int attempt = 1;; attempt++) {
            try {
                return Boolean.TRUE.equals(tx.execute(status -> {
                    Instant now = clock.instant();
                    boolean stored = signed != null
                            ? store.signed(id, position, signed.pdf(),
                                    HexFormat.of().formatHex(signed.result().documentSha256()), now)
                            : store.failed(id, position, OneAtATime.code(failure), now);
                    if (!stored) {
                        return false;
                    }
                    if (signed != null) {
                        open.published(signed, took);
                    } else {
                        open.failed(upload, failure, took);
                    }
                    store.heartbeat(id, now);
                    return true;
                }));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("Batch job {}: document {} not recorded ({}), retrying", id, position, e.toString());
                pause(attempt);
            }
        }
    }

    /** The job thread is done: a job not completed is interrupted (its pending documents stay unsigned). */
    private void end(String id) {
        runningHere.remove(id);
        try {
            tx.executeWithoutResult(s -> store.finish(id, Status.INTERRUPTED, clock.instant()));
            progress.publish(store.view(id));
        } catch (RuntimeException e) {
            log.warn("Batch job {} could not be closed now ({}); it will be marked interrupted", id, e.toString());
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt + random.nextInt(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps this instance's running jobs alive in the database. */
    void beat() {
        Instant now = clock.instant();
        runningHere.forEach(id -> store.heartbeat(id, now));
    }

    /** Marks running jobs whose instance went silent as interrupted; returns how many. */
    int interruptSilent() {
        Instant now = clock.instant();
        int n = 0;
        for (String id : store.silentSince(now.minus(properties.staleAfter()))) {
            if (!runningHere.contains(id)) {
                tx.executeWithoutResult(s -> store.finish(id, Status.INTERRUPTED, now));
                log.info("Batch job {} interrupted: the instance running it stopped", id);
                n++;
            }
        }
        return n;
    }

    /** On shutdown, jobs stop after their current document and are marked interrupted. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        jobs.shutdown();
        if (!jobs.awaitTermination(30, TimeUnit.SECONDS)) {
            jobs.shutdownNow();
        }
    }
}
