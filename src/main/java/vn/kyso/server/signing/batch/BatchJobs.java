package vn.kyso.server.signing.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.annotation.PreDestroy;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigning;
import vn.kyso.server.signing.OneAtATime;
import vn.kyso.server.signing.SignedDocument;
import vn.kyso.server.signing.SigningOrder;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.server.signing.Upload;
import vn.kyso.server.signing.batch.BatchException.Code;
import vn.kyso.server.signing.batch.BatchStore.Job;
import vn.kyso.server.signing.batch.BatchView.Status;

/**
 * Batch signing jobs. Starting one checks the documents and the certificate and unlocks the key
 * with the PIN (in a job thread, while the request waits: a refusal is the request's answer);
 * then the documents are stored and the request answers with the job. The job thread signs them
 * one by one, and commits each one's result together with its usage event (the
 * {@link vn.kyso.server.signing.DocumentSigned} event, recorded by the usage module in the same
 * transaction), so a crash leaves every document either signed and counted or neither. The key
 * and the PIN live only in the job thread's memory: a job whose process ends is interrupted,
 * never resumed.
 */
@Service
public class BatchJobs {

    private static final Logger log = LoggerFactory.getLogger(BatchJobs.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int ATTEMPTS = 3;

    private final DocumentSigning signing;
    private final BatchStore store;
    private final BatchProgress progress;
    private final TransactionTemplate tx;
    private final BatchProperties properties;
    private final KysoProperties kyso;
    private final Clock clock;
    private final SecureRandom random;
    private final ThreadPoolExecutor jobs;
    private final Semaphore signingSlots;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    BatchJobs(DocumentSigning signing, BatchStore store, BatchProgress progress, PlatformTransactionManager transactions,
            BatchProperties properties, KysoProperties kyso, Clock clock, SecureRandom random) {
        this.signing = signing;
        this.store = store;
        this.progress = progress;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.kyso = kyso;
        this.clock = clock;
        this.random = random;
        AtomicInteger threads = new AtomicInteger();
        // no queue: a job waiting for a thread would keep its PIN in memory, and its request waiting
        this.jobs = new ThreadPoolExecutor(properties.maxRunning(), properties.maxRunning(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> new Thread(r, "kyso-batch-" + threads.incrementAndGet()));
        this.jobs.allowCoreThreadTimeOut(true);
        this.signingSlots = new Semaphore(properties.signingThreads());
    }

    /**
     * Starts a job: returns once its documents are stored and its key is open, or throws the
     * refusal (wrong PIN, not a PDF, too many documents...) with nothing stored.
     */
    public BatchView start(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads) {
        CompletableFuture<String> started = new CompletableFuture<>();
        List<Upload> handed = new ArrayList<>(uploads);
        try {
            jobs.execute(() -> run(user, channel, order, handed, started));
        } catch (RejectedExecutionException full) {
            Arrays.fill(order.pin(), '\0');
            throw new BatchException(Code.BUSY, "as many batch jobs run as allowed");
        }
        Duration limit = kyso.limits().requestTimeout();
        String id;
        try {
            id = started.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (started.cancel(false)) {
                throw new SigningRefusedException(SigningRefusedException.Reason.TIME_LIMIT_EXCEEDED,
                        "request time limit", limit.toSeconds());
            }
            id = started.join();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return view(user, id);
    }

    /** The job, if it is the caller's. */
    public BatchView view(KysoUser user, String id) {
        return view(owned(user, id));
    }

    /** A progress stream on the caller's job: its state now, then each change, then the end. */
    public SseEmitter events(KysoUser user, String id) {
        Job job = owned(user, id);
        return progress.open(job.id(), properties.eventsTimeout(), () -> view(job.id()));
    }

    /** The signed documents of the caller's finished job, as a zip written straight to the response. */
    public StreamingResponseBody result(KysoUser user, String id) {
        Job job = owned(user, id);
        if (job.status() == Status.RUNNING) {
            throw new BatchException(Code.RUNNING, "the job is still running");
        }
        List<Integer> positions = store.signedPositions(job.id());
        if (positions.isEmpty()) {
            throw new BatchException(Code.NOTHING_SIGNED, "no document of the job was signed");
        }
        return out -> zip(job.id(), positions, out);
    }

    private void zip(String id, List<Integer> positions, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (int position : positions) {
            Upload document = store.signedPdf(id, position);
            String name = document.signedName();
            for (int i = 2; !names.add(name); i++) {
                name = document.signedName().replaceFirst("\\.pdf$", "-" + i + ".pdf");
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(document.content());
            zip.closeEntry();
        }
        zip.finish();
    }

    private Job owned(KysoUser user, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new BatchException(Code.NOT_FOUND, "no such job");
        }
        // someone else's job is "not found" too: its existence is not told
        return store.job(id).filter(j -> j.accountId() == user.accountId())
                .orElseThrow(() -> new BatchException(Code.NOT_FOUND, "no such job"));
    }

    BatchView view(String id) {
        return view(store.job(id).orElseThrow(() -> new BatchException(Code.NOT_FOUND, "no such job")));
    }

    private BatchView view(Job job) {
        List<BatchView.Document> documents = store.documents(job.id());
        int signed = (int) documents.stream().filter(d -> BatchStore.SIGNED.equals(d.status())).count();
        int failed = (int) documents.stream().filter(d -> BatchStore.FAILED.equals(d.status())).count();
        return new BatchView(job.id(), job.status(), job.step(), job.level(), job.total(), signed + failed, signed,
                failed, job.createdAt(), job.finishedAt(), documents);
    }

    // ---- the job thread ----

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
            progress.publish(view(id));
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
            progress.publish(view(id));
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

    // ---- housekeeping (see BatchHousekeeping) ----

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

    /** Sends changes made elsewhere (another instance, the sweep) to the streams open here. */
    void pollStreams() {
        for (String id : progress.watched()) {
            store.job(id).map(this::view).filter(progress::changed).ifPresent(progress::publish);
        }
    }

    int purge() {
        return tx.execute(s -> store.purge(clock.instant().minus(properties.retention())));
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
