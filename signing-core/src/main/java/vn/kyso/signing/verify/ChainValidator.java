package vn.kyso.signing.verify;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SubIndication;

/**
 * Builds a certificate path from a signer (or TSA) certificate to a configured trust anchor and
 * checks it at the best-known signing time: validity, CA constraints and the key usage the
 * purpose needs. Only certificates the document carries and the anchors are used: no network.
 */
final class ChainValidator {

    /** What the end-entity certificate must be fit for. */
    enum Purpose { SIGNATURE, TIMESTAMP }

    /** A path (end entity first, anchor last) or a failure. */
    record Result(List<X509Certificate> path, Indication indication, SubIndication subIndication, String problem) {
        boolean ok() {
            return problem == null;
        }

        static Result failure(List<X509Certificate> path, Indication indication, SubIndication why, String problem) {
            return new Result(path, indication, why, problem);
        }
    }

    private static final int MAX_PATH = 8;
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    private final CertificatePool anchors = new CertificatePool();
    private final Set<X509Certificate> anchorSet;
    /** Anchors trusted for one purpose only: a path for the other purpose may not end there. */
    private final Set<X509Certificate> timestampOnly;
    private final Set<X509Certificate> signatureOnly;
    private final CertificateCache cache;

    ChainValidator(Collection<X509Certificate> trustAnchors, CertificateCache cache) {
        this(trustAnchors, Set.of(), Set.of(), cache);
    }

    ChainValidator(Collection<X509Certificate> trustAnchors, Collection<X509Certificate> timestampOnly,
                   Collection<X509Certificate> signatureOnly, CertificateCache cache) {
        this.anchors.addAll(trustAnchors);
        this.anchorSet = new HashSet<>(trustAnchors);
        this.timestampOnly = new HashSet<>(timestampOnly);
        this.signatureOnly = new HashSet<>(signatureOnly);
        this.cache = cache;
    }

    boolean isAnchor(X509Certificate certificate) {
        return anchorSet.contains(certificate);
    }

    private boolean isAnchor(X509Certificate certificate, Purpose purpose) {
        return anchorSet.contains(certificate)
                && !(purpose == Purpose.SIGNATURE ? timestampOnly : signatureOnly).contains(certificate);
    }

    /** The anchor a path ends at, or null when it ends at none. */
    X509Certificate anchorOf(List<X509Certificate> path) {
        X509Certificate last = path.isEmpty() ? null : path.get(path.size() - 1);
        return last != null && isAnchor(last) ? last : null;
    }

    /** Builds and checks the path for {@code endEntity} at {@code time}. */
    Result validate(X509Certificate endEntity, CertificatePool pool, Instant time, Purpose purpose) {
        List<X509Certificate> path = build(endEntity, pool, purpose);
        if (path == null) {
            return Result.failure(List.of(endEntity), Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                    "no certificate path from " + Names.subject(endEntity) + " to a trusted root");
        }
        Date at = Date.from(time);
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.get(i);
            if (isAnchor(c)) {
                break; // a trust anchor is trusted as configured, including its dates
            }
            try {
                c.checkValidity(at);
            } catch (CertificateExpiredException e) {
                return Result.failure(path, Indication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE,
                        "certificate " + Names.subject(c) + " expired on " + c.getNotAfter().toInstant()
                                + ", before the best-known signing time " + time + " (no proof of existence earlier)");
            } catch (CertificateNotYetValidException e) {
                return Result.failure(path, Indication.INVALID, SubIndication.NOT_YET_VALID,
                        "certificate " + Names.subject(c) + " was not yet valid at " + time);
            }
            if (i > 0 && !isCa(c)) {
                return Result.failure(path, Indication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                        "certificate " + Names.subject(c) + " issues certificates but is not a CA");
            }
        }
        String constraints = PathConstraints.problem(path);
        if (constraints != null) {
            return Result.failure(path, Indication.INDETERMINATE, SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
                    constraints);
        }
        String usage = usageProblem(endEntity, purpose);
        if (usage != null) {
            return Result.failure(path, Indication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, usage);
        }
        return new Result(path, Indication.VALID, null, null);
    }

    private List<X509Certificate> build(X509Certificate start, CertificatePool pool, Purpose purpose) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(start);
        return extend(path, pool, purpose) ? path : null;
    }

    private boolean extend(List<X509Certificate> path, CertificatePool pool, Purpose purpose) {
        X509Certificate last = path.get(path.size() - 1);
        if (isAnchor(last, purpose)) {
            return true;
        }
        if (path.size() >= MAX_PATH) {
            return false;
        }
        List<X509Certificate> issuers = new ArrayList<>(anchors.bySubject(last.getIssuerX500Principal()));
        issuers.addAll(pool.bySubject(last.getIssuerX500Principal()));
        for (X509Certificate issuer : issuers) {
            if (path.contains(issuer) || !cache.issued(last, issuer)) {
                continue;
            }
            path.add(issuer);
            if (extend(path, pool, purpose)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static boolean isCa(X509Certificate c) {
        boolean[] ku = c.getKeyUsage();
        return c.getBasicConstraints() >= 0 && (ku == null || ku.length > 5 && ku[5]);
    }

    private static String usageProblem(X509Certificate c, Purpose purpose) {
        boolean[] ku = c.getKeyUsage();
        if (purpose == Purpose.SIGNATURE) {
            if (ku != null && !(ku[0] || ku.length > 1 && ku[1])) {
                return "the signer certificate's key usage allows neither digitalSignature nor nonRepudiation";
            }
            return null;
        }
        try {
            List<String> eku = c.getExtendedKeyUsage();
            Set<String> critical = c.getCriticalExtensionOIDs();
            if (eku == null || !eku.contains(TIME_STAMPING) || critical == null || !critical.contains("2.5.29.37")) {
                return "the TSA certificate lacks the critical timeStamping extended key usage";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "the TSA certificate's extended key usage cannot be read";
        }
        return null;
    }
}
