package vn.kyso.server.usage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.kyso.usage.IngestListener;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReports;

/**
 * Ingestions run in the background, one at a time (others queue), so a large upload answers at
 * once with an id whose status shows the progress: documents done of total, skipped so far, the
 * current file, and the full result when done. Jobs live in memory; finished ones are forgotten
 * an hour after they end (their events are stored; re-ingesting counts nothing twice).
 */
@Component
class IngestionJobs implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    /** Where a job stands. */
    enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    /**
     * A job's progress as the API and the console show it.
     *
     * @param result the outcome, once DONE (null before)
     */
    record Status(String id, State state, int done, int total, int skipped, String current, Instant started,
            Instant finished, IngestResult result) {
    }

    private final UsageReports usage;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kyso-usage-ingestion");
        t.setDaemon(true);
        return t;
    });

    IngestionJobs(UsageReports usage, Clock clock, SecureRandom random) {
        this.usage = usage;
        this.clock = clock;
        this.random = random;
    }

    /** Queues the staged files, ingested on behalf of {@code actor}; the job deletes them when it ends. */
    Status start(StagedUpload upload, String actor) {
        forgetOld();
        byte[] id = new byte[12];
        random.nextBytes(id);
        Job job = new Job(HexFormat.of().formatHex(id), clock.instant());
        jobs.put(job.id, job);
        runner.execute(() -> job.run(upload, actor));
        return job.status();
    }

    Status status(String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null) {
            throw new UsageException(UsageException.ErrorCode.UNKNOWN_INGESTION, "no ingestion with this id");
        }
        return job.status();
    }

    private void forgetOld() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    /** One ingestion; its fields are written by the runner thread and read by requests. */
    private final class Job implements IngestListener {
        final String id;
        final Instant started;
        volatile State state = State.QUEUED;
        volatile int done;
        volatile int total;
        final AtomicInteger skipped = new AtomicInteger();
        volatile String current;
        volatile Instant finished;
        volatile IngestResult result;

        Job(String id, Instant started) {
            this.id = id;
            this.started = started;
        }

        void run(StagedUpload upload, String actor) {
            state = State.RUNNING;
            try (upload) {
                result = usage.ingest(upload.files(), this, actor);
                state = State.DONE;
                LOG.info("ingestion {}: {} documents, {} signatures recorded, {} duplicates, {} skipped", id,
                        result.files(), result.recorded(), result.duplicates(), result.skipped().size());
            } catch (RuntimeException e) {
                state = State.FAILED;
                LOG.warn("ingestion {} stopped: {}", id, e.getMessage());
            } finally {
                current = null;
                finished = clock.instant();
            }
        }

        @Override
        public void progress(int done, int total, String file) {
            this.total = total;
            this.done = done;
            this.current = file;
        }

        @Override
        public void skipped(IngestResult.SkippedFile file) {
            skipped.incrementAndGet();
        }

        Status status() {
            return new Status(id, state, done, total, skipped.get(), current, started, finished, result);
        }
    }
}
