package vn.kyso.signing.cms;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/** Circular 15/2025 limits on keys, and the signing certificate's validity at the signer's clock time. */
public final class KeyPolicy {

    private KeyPolicy() {
    }

    /** Refuses RSA under 2048 bits, EC under 256 bits, and a scheme that does not fit the key. */
    public static void checkKey(PublicKey key, SignatureScheme scheme) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 2048) {
                throw new SigningException(ErrorCode.UNSUPPORTED_KEY,
                        "RSA key of " + bits + " bits: at least 2048 bits are required");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < 256) {
                throw new SigningException(ErrorCode.UNSUPPORTED_KEY,
                        "EC key of " + bits + " bits: P-256 or stronger is required");
            }
        } else {
            throw new SigningException(ErrorCode.UNSUPPORTED_KEY,
                    "unsupported key algorithm " + key.getAlgorithm() + " (RSA or ECDSA expected)");
        }
        if (!scheme.fits(key)) {
            throw new SigningException(ErrorCode.UNSUPPORTED_KEY,
                    "signature scheme " + scheme + " does not fit a " + key.getAlgorithm() + " key");
        }
    }

    /**
     * Refuses a certificate that is expired or not yet valid at {@code now}, or whose key usage
     * allows neither digitalSignature nor nonRepudiation.
     */
    public static void checkValidity(X509Certificate certificate, Instant now) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
            throw new SigningException(ErrorCode.CERTIFICATE_NOT_USABLE,
                    "the certificate's key usage allows neither digital signature nor non-repudiation");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new SigningException(ErrorCode.CERTIFICATE_NOT_USABLE,
                    "the signing certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new SigningException(ErrorCode.CERTIFICATE_NOT_USABLE,
                    "the signing certificate expired on " + certificate.getNotAfter().toInstant());
        }
    }
}
