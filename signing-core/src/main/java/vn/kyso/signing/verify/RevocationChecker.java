package vn.kyso.signing.verify;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import vn.kyso.signing.Indication;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SubIndication;

/**
 * Decides whether each certificate of a path was revoked, from the data the document carries
 * (DSS, CMS) first and from the online {@link RevocationSource} when that is not enough. A trust
 * anchor needs no check.
 */
final class RevocationChecker {

    /** The revocation data a signature can draw on. */
    record Evidence(List<byte[]> ocspResponses, List<byte[]> crls) {
    }

    /** The result for a whole path. */
    record Outcome(Indication indication, SubIndication subIndication, String problem, List<String> notes,
            boolean allEmbedded) {
        boolean ok() {
            return problem == null;
        }
    }

    /**
     * The times revocation is judged against: {@code best} is the time the status must speak
     * for (the proven signing time, else now), {@code now} the validation time.
     */
    record Times(Instant best, Instant proven, Instant claimed, Instant now) {
    }

    private static final Duration SKEW = Duration.ofMinutes(5);

    private final RevocationSource source;
    private final Duration timeout;
    private final OcspResponses ocsp;
    private final CertificateCache cache;
    private final ExecutorService online;

    RevocationChecker(RevocationSource source, Duration timeout, CertificateCache cache) {
        this.source = source;
        this.timeout = timeout;
        this.cache = cache;
        this.ocsp = new OcspResponses(cache);
        this.online = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kyso-revocation");
            t.setDaemon(true);
            return t;
        });
    }

    Outcome check(List<X509Certificate> path, Evidence evidence, Times times, ChainValidator chain) {
        List<String> notes = new ArrayList<>();
        boolean allEmbedded = true;
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate cert = path.get(i);
            if (chain.isAnchor(cert)) {
                break;
            }
            X509Certificate issuer = path.get(i + 1);
            Status status = embedded(cert, issuer, evidence, times);
            if (status == null) {
                status = online(cert, issuer, times);
                allEmbedded &= status == null; // found online: the file alone did not suffice
            }
            if (status == null && i > 0 && !namesRevocationService(cert)) {
                // a CA certificate that names no OCSP responder or CRL cannot be revoked through
                // any channel a verifier could consult: nothing is missing
                notes.add("CA certificate " + Names.subject(cert) + " names no revocation service; not checked");
                continue;
            }
            if (status == null) {
                return new Outcome(Indication.INDETERMINATE, SubIndication.TRY_LATER,
                        "no revocation data (OCSP or CRL) is available for " + Names.subject(cert), notes, false);
            }
            if (status.note() != null) {
                notes.add(status.note());
            }
            if (status.revokedAt() != null) {
                Outcome revoked = revoked(cert, i == 0, status.revokedAt(), times, notes);
                if (revoked != null) {
                    return revoked;
                }
            }
        }
        return new Outcome(Indication.VALID, null, null, notes, allEmbedded);
    }

    private static Outcome revoked(X509Certificate cert, boolean signer, Instant at, Times times, List<String> notes) {
        String who = Names.subject(cert);
        if (times.proven() != null && at.isAfter(times.proven())) {
            notes.add("certificate " + who + " was revoked on " + at + ", after the timestamp proves the signature existed ("
                    + times.proven() + ")");
            return null;
        }
        Instant signedAt = times.proven() != null ? times.proven() : times.claimed();
        if (signedAt == null || !at.isAfter(signedAt)) {
            return new Outcome(Indication.INVALID, SubIndication.REVOKED,
                    "certificate " + who + " was revoked on " + at + ", before the signing time", notes, false);
        }
        return new Outcome(Indication.INDETERMINATE, signer ? SubIndication.REVOKED_NO_POE : SubIndication.REVOKED_CA_NO_POE,
                "certificate " + who + " was revoked on " + at + " and nothing proves the signature existed before",
                notes, false);
    }

    private static boolean namesRevocationService(X509Certificate c) {
        return c.getExtensionValue("1.3.6.1.5.5.7.1.1") != null || c.getExtensionValue("2.5.29.31") != null;
    }

    /** What the document's own data says, or null when it says nothing usable. */
    private Status embedded(X509Certificate cert, X509Certificate issuer, Evidence evidence, Times best) {
        Status good = null;
        for (byte[] response : evidence.ocspResponses()) {
            Status s = ocsp.status(response, cert, issuer, best);
            if (s != null && s.revokedAt() != null) {
                return s;
            }
            good = good == null ? s : good;
        }
        for (byte[] der : evidence.crls()) {
            Status s = crlStatus(cache.crl(der), cert, issuer, best);
            if (s != null && s.revokedAt() != null) {
                return s;
            }
            good = good == null ? s : good;
        }
        return good;
    }

    private Status online(X509Certificate cert, X509Certificate issuer, Times best) {
        Optional<byte[]> response = ask(() -> source.ocsp(cert, issuer));
        if (response.isPresent()) {
            Status s = ocsp.status(response.get(), cert, issuer, best);
            if (s != null) {
                return s;
            }
        }
        Optional<byte[]> crl = ask(() -> source.crl(cert));
        return crl.map(der -> crlStatus(cache.crl(der), cert, issuer, best)).orElse(null);
    }

    private Optional<byte[]> ask(Supplier<Optional<byte[]>> request) {
        Future<Optional<byte[]>> f = online.submit(request::get);
        try {
            Optional<byte[]> r = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return r == null ? Optional.empty() : r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return Optional.empty();
        } catch (Exception e) {
            f.cancel(true);
            return Optional.empty();
        }
    }

    private Status crlStatus(X509CRL crl, X509Certificate cert, X509Certificate issuer, Times best) {
        if (crl == null || !crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())
                || !cache.signedCrl(crl, issuer)) {
            return null;
        }
        boolean[] ku = issuer.getKeyUsage();
        if (ku != null && !(ku.length > 6 && ku[6])) {
            return null;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry != null) {
            return new Status(entry.getRevocationDate().toInstant(), null);
        }
        return fresh(crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                best) ? new Status(null, null) : null;
    }

    /**
     * Whether "good" data issued at {@code thisUpdate} speaks for the time {@code times.best()}
     * (ETSI EN 319 102-1 §5.2.5, revocation freshness): its freshness window is
     * nextUpdate - thisUpdate, so it is fresh when issued less than that before the time it is
     * used for, that is when nextUpdate is not before that time. Without nextUpdate there is no
     * window (EU DSS then fails the check): such data speaks only for times up to its issue, so
     * it must have been issued at or after the time it is used for. Data claiming to be issued
     * after the validation time is not evidence at all.
     */
    static boolean fresh(Instant thisUpdate, Instant nextUpdate, Times times) {
        if (thisUpdate != null && thisUpdate.minus(SKEW).isAfter(times.now())) {
            return false;
        }
        if (nextUpdate == null) {
            return thisUpdate != null && !thisUpdate.plus(SKEW).isBefore(times.best());
        }
        return !nextUpdate.plus(SKEW).isBefore(times.best());
    }

    /** One certificate's status: revoked at a time, or good (revokedAt null); {@code note} qualifies it. */
    record Status(Instant revokedAt, String note) {
    }
}
