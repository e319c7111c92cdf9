package vn.kyso.server.usage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import vn.kyso.usage.EventType;
import vn.kyso.usage.SignalCount;
import vn.kyso.usage.UsageReports;

/**
 * OCSP requests become CHECKED usage counts per certificate and minute, added to the usage
 * rollups once a second, off the request thread.
 *
 * <p>Why counts: a relying party may ask about one certificate thousands of times a second (the
 * responder answers over 10,000 a second); each request is a usage signal, but what the reports
 * use of it is how many checks a certificate had per day. Storing one event row per request was
 * most of the responder's cost; a counter per (serial, minute) costs one map update on the
 * request thread and one rollup write per certificate and day on the flush. A crash loses at most
 * the last second's counts. The map is bounded in distinct keys (a flood of distinct serials
 * cannot grow it); signals past that bound are dropped, counted and logged. Shutdown flushes.
 */
@Component
class OcspCheckBuffer {

    private static final Logger log = LoggerFactory.getLogger(OcspCheckBuffer.class);
    static final int CAPACITY = 100_000;

    private final UsageReports usage;
    private final IssuedHere issuedHere;
    private final ConcurrentHashMap<Key, Integer> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    OcspCheckBuffer(UsageReports usage, IssuedHere issuedHere) {
        this.usage = usage;
        this.issuedHere = issuedHere;
    }

    /** Counts one check of a certificate of the issuing CA; never blocks the OCSP answer. */
    void add(BigInteger serial, Instant at) {
        Key key = new Key(serial, Math.floorDiv(at.getEpochSecond(), 60));
        if (pending.size() >= CAPACITY && !pending.containsKey(key)) {
            dropped.incrementAndGet();
            return;
        }
        pending.merge(key, 1, OcspCheckBuffer::saturatedSum);
    }

    /** Adds what has been counted since the last flush to the rollups, for certificates the inventory knows. */
    @Scheduled(initialDelay = 1_000, fixedDelay = 1_000)
    synchronized void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} OCSP usage signals were dropped: more than {} certificates were counted at once", lost, CAPACITY);
        }
        List<SignalCount> counts = new ArrayList<>();
        for (Key key : pending.keySet()) {
            // removing takes the count atomically: a check counted after this starts a new entry
            Integer n = pending.remove(key);
            if (n != null) {
                counts.add(new SignalCount(EventType.CHECKED, issuedHere.ref(key.serial()),
                        Instant.ofEpochSecond(key.minute() * 60), n));
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        try {
            usage.recordCounts(counts);
        } catch (RuntimeException e) {
            log.warn("OCSP usage counts of {} certificates could not be recorded: {}", counts.size(), e.toString());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private static int saturatedSum(int a, int b) {
        return (int) Math.min((long) a + b, Integer.MAX_VALUE);
    }

    private record Key(BigInteger serial, long minute) {
    }
}
