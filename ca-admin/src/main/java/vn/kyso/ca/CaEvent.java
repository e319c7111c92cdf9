package vn.kyso.ca;

import java.time.Instant;

/** Something that happened in the CA, published through {@link CaEvents} after it was committed. */
public sealed interface CaEvent
        permits CertificateIssued, CertificateStatusChanged, OcspRequested, CertificateExpiring, CrlPublished {

    /** When it happened (the CA's clock). */
    Instant at();
}
