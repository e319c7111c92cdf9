package vn.kyso.ca.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.kyso.ca.CaEvents;
import vn.kyso.ca.CertificateExpiring;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.register.CertificateRegister;

/** Finds subscriber certificates that expire soon and warns about each one once. */
public final class ExpiryWatch {

    private final CertificateRegister register;
    private final CaEvents events;
    private final Clock clock;
    private final Duration window;

    public ExpiryWatch(CertificateRegister register, CaEvents events, Clock clock, Duration window) {
        this.register = register;
        this.events = events;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Not-revoked subscriber certificates whose notAfter falls within the window from now, both
     * ends included: with 30 days, a certificate is expiring from exactly 30 days before its end.
     */
    public List<CertificateRecord> expiring() {
        Instant now = clock.instant();
        return register.expiring(now, now.plus(window), false);
    }

    /**
     * Publishes {@link CertificateExpiring} for each expiring certificate not warned about yet
     * (by any instance) and returns those; meant for a daily schedule in the service.
     */
    public List<CertificateRecord> warn() {
        Instant now = clock.instant();
        List<CertificateRecord> warned = new ArrayList<>();
        for (CertificateRecord r : register.expiring(now, now.plus(window), true)) {
            if (register.markWarned(r.serial())) {
                warned.add(r);
                events.publish(new CertificateExpiring(r.serial(), r.subscriberId(), r.subject(), r.notAfter(), now));
            }
        }
        return warned;
    }
}
