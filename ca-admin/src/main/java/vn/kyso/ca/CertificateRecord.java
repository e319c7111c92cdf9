package vn.kyso.ca;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate in the CA's register with its current status.
 *
 * @param subscriberId null for the CA's own certificates
 * @param reason       null while active
 * @param revokedAt    when it was revoked or suspended, null while active
 * @param custodyKey   whether kyso holds its private key
 */
public record CertificateRecord(BigInteger serial, CertificateKind kind, Long subscriberId, String subject,
                                Instant notBefore, Instant notAfter, CertificateStatus status,
                                RevocationReason reason, Instant revokedAt, boolean custodyKey, byte[] der) {
    public CertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(der, "der");
    }

    /** The serial as lower-case hex, the form the API and the console show. */
    public String serialHex() {
        return serial.toString(16);
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "stored certificate cannot be parsed", e);
        }
    }
}
