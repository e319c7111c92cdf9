package vn.kyso.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * What the inventory knows about one certificate.
 *
 * @param certificate  issuer and serial
 * @param subject      the subject DN, null when only seen in a signature without one
 * @param kind         agency or personal
 * @param kindSource   how the kind was learnt
 * @param unitCode     the unit it belongs to, null when unassigned
 * @param ownerName    the holder's name (the subject's CN for imports)
 * @param ownerContact how to reach the holder, may be null
 * @param status       lifecycle status (EXPIRED once notAfter has passed)
 * @param origin       how the certificate entered the inventory
 * @param notBefore    start of validity, may be null
 * @param notAfter     end of validity, may be null
 */
public record InventoryEntry(CertificateRef certificate, String subject, CertificateKind kind, KindSource kindSource,
        String unitCode, String ownerName, String ownerContact, CertificateStatus status, Origin origin,
        Instant notBefore, Instant notAfter) {

    /** How the kind was learnt; a MANUAL kind is never overwritten by a later import. */
    public enum KindSource {
        ISSUANCE, IMPORT_FILE, INFERRED, MANUAL
    }

    /** How a certificate entered the inventory. */
    public enum Origin {
        /** Announced by kyso's CA. */
        CA,
        /** Imported (PEM, DER, PKCS#7 or CSV). */
        IMPORT,
        /** Seen in a signature before anyone registered it. */
        OBSERVED
    }

    public InventoryEntry {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindSource, "kindSource");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
    }
}
