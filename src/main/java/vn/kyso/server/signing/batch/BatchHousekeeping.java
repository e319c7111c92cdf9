package vn.kyso.server.signing.batch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The batch jobs' timers, from the moment the service is ready: heartbeats of this instance's
 * running jobs and the sweep that marks jobs of a stopped instance interrupted (at start, this
 * is how jobs cut off by a crash are found), progress of jobs running elsewhere to the streams
 * open here, and the purge of jobs past their retention.
 */
@Component
class BatchHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(BatchHousekeeping.class);
    private static final Duration STREAM_POLL = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final BatchJobs jobs;
    private final BatchWorker worker;
    private final BatchProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kyso-batch-housekeeping");
        t.setDaemon(true);
        return t;
    });

    BatchHousekeeping(BatchJobs jobs, BatchWorker worker, BatchProperties properties) {
        this.jobs = jobs;
        this.worker = worker;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long beat = properties.heartbeat().toMillis();
        every(0, beat, "heartbeat", () -> {
            worker.beat();
            worker.interruptSilent();
        });
        every(STREAM_POLL.toMillis(), STREAM_POLL.toMillis(), "progress", jobs::pollStreams);
        every(0, PURGE_EVERY.toMillis(), "purge", () -> {
            int purged = jobs.purge();
            if (purged > 0) {
                log.info("Purged {} batch job(s) past their retention", purged);
            }
        });
    }

    private void every(long initialMillis, long periodMillis, String what, Runnable task) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // the database may be away for a moment: the next round tries again
                log.warn("Batch {} failed: {}", what, e.toString());
            }
        }, initialMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
