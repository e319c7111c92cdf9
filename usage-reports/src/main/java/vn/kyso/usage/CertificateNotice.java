package vn.kyso.usage;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle change the CA announces. ISSUED carries the certificate's description; the other
 * changes need only the certificate and the time.
 *
 * @param change       what happened
 * @param certificate  the certificate
 * @param at           when it happened
 * @param subject      ISSUED: the subject DN
 * @param kind         ISSUED: agency or personal, as the CA's profile says
 * @param unitCode     ISSUED: the unit the certificate belongs to
 * @param ownerName    ISSUED: the holder's (or the agency's) name
 * @param ownerContact ISSUED: how to reach the holder (mail, phone), may be null
 * @param notBefore    ISSUED: start of validity
 * @param notAfter     ISSUED: end of validity
 * @param x509         ISSUED: the certificate itself, so that a signature is matched to it by its
 *                     encoding or key and never by issuer name and serial alone; null only for
 *                     certificates no signature will ever be ingested for (demo plans, tests)
 */
public record CertificateNotice(Change change, CertificateRef certificate, Instant at, String subject,
        CertificateKind kind, String unitCode, String ownerName, String ownerContact, Instant notBefore,
        Instant notAfter, X509Certificate x509) {

    /** The lifecycle changes the inventory follows. */
    public enum Change {
        ISSUED, SUSPENDED, REINSTATED, REVOKED, EXPIRED
    }

    public CertificateNotice {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(at, "at");
        if (change == Change.ISSUED) {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unitCode, "unitCode");
            Objects.requireNonNull(notBefore, "notBefore");
            Objects.requireNonNull(notAfter, "notAfter");
            if (notAfter.isBefore(notBefore)) {
                throw new IllegalArgumentException("notAfter before notBefore");
            }
        }
    }

    /** An ISSUED notice. */
    public static CertificateNotice issued(CertificateRef certificate, Instant at, String subject, CertificateKind kind,
            String unitCode, String ownerName, String ownerContact, Instant notBefore, Instant notAfter) {
        return new CertificateNotice(Change.ISSUED, certificate, at, subject, kind, unitCode, ownerName, ownerContact,
                notBefore, notAfter, null);
    }

    /** An ISSUED notice carrying the certificate (its reference, subject and validity come from it). */
    public static CertificateNotice issued(X509Certificate certificate, Instant at, CertificateKind kind, String unitCode,
            String ownerName, String ownerContact) {
        return new CertificateNotice(Change.ISSUED, CertificateRef.of(certificate), at,
                certificate.getSubjectX500Principal().getName(), kind, unitCode, ownerName, ownerContact,
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), certificate);
    }

    /** This notice with the certificate attached (for a notice whose validity the caller states itself). */
    public CertificateNotice withCertificate(X509Certificate certificate) {
        return new CertificateNotice(change, this.certificate, at, subject, kind, unitCode, ownerName, ownerContact,
                notBefore, notAfter, certificate);
    }

    /** A SUSPENDED, REINSTATED, REVOKED or EXPIRED notice. */
    public static CertificateNotice of(Change change, CertificateRef certificate, Instant at) {
        return new CertificateNotice(change, certificate, at, null, null, null, null, null, null, null, null);
    }
}
