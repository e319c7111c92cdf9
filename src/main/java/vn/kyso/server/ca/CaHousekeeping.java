package vn.kyso.server.ca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateStatusChanged;
import vn.kyso.ca.PublishedCrl;

/**
 * Keeps the CA's published state fresh: a new CRL within seconds of a status change and before
 * the current one's nextUpdate runs short, the OCSP responder certificate renewed in time, and
 * expiry warnings published. Each task tolerates failure and tries again on its next round.
 */
@Component
class CaHousekeeping {

    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(CaHousekeeping.class);

    private final CertificateAuthority ca;
    private final Clock clock;
    private final AtomicBoolean statusChanged = new AtomicBoolean(true);

    CaHousekeeping(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    @EventListener
    void onStatusChanged(CertificateStatusChanged event) {
        statusChanged.set(true);
    }

    /**
     * Every two seconds: publish a CRL if a status changed or the latest is at half its life; and
     * chain the audit entries that a busy spell left waiting (they are durable already).
     */
    @Scheduled(initialDelay = 2_000, fixedDelay = 2_000)
    void refreshCrl() {
        try {
            ca.sealAuditLog();
        } catch (RuntimeException e) {
            log.warn("Audit entries not chained yet; retrying shortly: {}", e.toString());
        }
        try {
            boolean changed = statusChanged.getAndSet(false);
            if (changed || stale(ca.latestCrl().orElse(null))) {
                PublishedCrl crl = ca.publishCrl(ACTOR);
                log.info("Published CRL number {}", crl.crlNumber());
            }
        } catch (RuntimeException e) {
            statusChanged.set(true);
            log.error("CRL publication failed; retrying shortly", e);
        }
    }

    /** Hourly: responder certificate renewal, the root's CRL re-issue when at half its life, expiry warnings. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void hourly() {
        try {
            ca.maintain();
            int warned = ca.publishExpiryWarnings().size();
            if (warned > 0) {
                log.info("Published {} certificate expiry warnings", warned);
            }
        } catch (RuntimeException e) {
            log.error("CA maintenance failed; retrying in an hour", e);
        }
    }

    private boolean stale(PublishedCrl crl) {
        if (crl == null) {
            return true;
        }
        Duration life = Duration.between(crl.thisUpdate(), crl.nextUpdate());
        return Instant.now(clock).isAfter(crl.thisUpdate().plus(life.dividedBy(2)));
    }
}
