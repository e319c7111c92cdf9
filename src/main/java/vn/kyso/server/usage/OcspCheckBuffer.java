package vn.kyso.server.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageReports;

/**
 * OCSP requests become CHECKED usage events in batches, off the request thread.
 *
 * <p>Why: recording one event is a database transaction (event, once-only key, rollups); done in
 * the OCSP request's thread it capped the responder at a few hundred answers a second. A CHECKED
 * event is a usage signal, not a signature: the buffer is bounded, a full buffer drops signals
 * (counted and logged), and a crash loses at most the last second's signals. Shutdown flushes.
 */
@Component
class OcspCheckBuffer {

    private static final Logger log = LoggerFactory.getLogger(OcspCheckBuffer.class);
    private static final int CAPACITY = 100_000;

    private final UsageReports usage;
    private final BlockingQueue<UsageEvent> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    OcspCheckBuffer(UsageReports usage) {
        this.usage = usage;
    }

    /** Queues a CHECKED signal; never blocks the OCSP answer. */
    void add(UsageEvent checked) {
        if (!pending.offer(checked)) {
            dropped.incrementAndGet();
        }
    }

    /** Records what has queued up since the last flush, for certificates the inventory knows. */
    @Scheduled(initialDelay = 1_000, fixedDelay = 1_000)
    synchronized void flush() {
        List<UsageEvent> batch = new ArrayList<>();
        pending.drainTo(batch);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} OCSP usage signals were dropped: the buffer of {} was full", lost, CAPACITY);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<CertificateRef, Boolean> known = new HashMap<>();
        List<UsageEvent> recordable = batch.stream()
                .filter(e -> known.computeIfAbsent(e.certificate(), ref -> usage.certificate(ref).isPresent()))
                .toList();
        try {
            if (!recordable.isEmpty()) {
                usage.recordAll(recordable);
            }
        } catch (RuntimeException e) {
            log.warn("{} OCSP usage signals could not be recorded: {}", recordable.size(), e.toString());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
