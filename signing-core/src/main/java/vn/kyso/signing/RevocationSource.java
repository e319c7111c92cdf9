package vn.kyso.signing;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where revocation data comes from when it is not embedded: OCSP responders and CRL
 * distribution points named in the certificate (online, with timeouts), or a fixed set.
 * Implementations must be thread-safe; an empty result means "not available", not "good".
 */
public interface RevocationSource {

    /** A DER-encoded OCSPResponse for {@code certificate}, asked of the responder in its AIA. */
    Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer);

    /** A DER-encoded CRL from {@code certificate}'s CRL distribution points. */
    Optional<byte[]> crl(X509Certificate certificate);

    /** A source that never finds anything (offline verification). */
    static RevocationSource none() {
        return new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }

            @Override
            public Optional<byte[]> crl(X509Certificate certificate) {
                return Optional.empty();
            }
        };
    }
}
