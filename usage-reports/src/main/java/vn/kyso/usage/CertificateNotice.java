package vn.kyso.usage;

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
 */
public record CertificateNotice(Change change, CertificateRef certificate, Instant at, String subject,
        CertificateKind kind, String unitCode, String ownerName, String ownerContact, Instant notBefore,
        Instant notAfter) {

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
                notBefore, notAfter);
    }

    /** A SUSPENDED, REINSTATED, REVOKED or EXPIRED notice. */
    public static CertificateNotice of(Change change, CertificateRef certificate, Instant at) {
        return new CertificateNotice(change, certificate, at, null, null, null, null, null, null, null);
    }
}
