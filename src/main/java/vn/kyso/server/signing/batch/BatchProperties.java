package vn.kyso.server.signing.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of batch signing jobs ({@code kyso.signing.batches.*}); how many documents one batch
 * may hold, and how large and long they may be, are {@code kyso.signing.max-batch-files} and
 * {@code kyso.limits.*}, as for the synchronous batch.
 *
 * @param maxRunning     jobs running at once on this instance (each holds one unlocked key);
 *                       one more is refused with 503 and Retry-After
 * @param signingThreads documents signed at the same moment across all running jobs
 * @param retention      how long a finished job and its signed documents are kept for download
 * @param eventsTimeout  how long one progress stream stays open (a browser reconnects by itself)
 * @param heartbeat      how often a running job says it is alive; a job silent for three
 *                       heartbeats (its process ended) is marked interrupted
 */
@ConfigurationProperties("kyso.signing.batches")
public record BatchProperties(
        @DefaultValue("8") int maxRunning,
        @DefaultValue("2") int signingThreads,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("5m") Duration eventsTimeout,
        @DefaultValue("5s") Duration heartbeat) {

    public BatchProperties {
        if (maxRunning < 1 || signingThreads < 1) {
            throw new IllegalArgumentException("kyso.signing.batches.max-running and signing-threads must be at least 1");
        }
        for (Duration d : new Duration[] {retention, eventsTimeout, heartbeat}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("kyso.signing.batches durations must be positive");
            }
        }
    }

    /** A running job whose heartbeat is older than this is taken for dead. */
    Duration staleAfter() {
        return heartbeat.multipliedBy(3);
    }
}
