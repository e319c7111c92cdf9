package vn.kyso.signing;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** How the signature value is computed from the key (Circular 15/2025: RSA PKCS#1 v1.5, RSASSA-PSS, ECDSA). */
public enum SignatureScheme {
    RSA_PKCS1_V15,
    RSA_PSS,
    ECDSA;

    /** The default scheme for a public key: PKCS#1 v1.5 for RSA, ECDSA for EC. */
    public static SignatureScheme defaultFor(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA_PKCS1_V15;
        }
        if (key instanceof ECPublicKey) {
            return ECDSA;
        }
        throw new SigningException(SigningException.ErrorCode.UNSUPPORTED_KEY,
                "unsupported key algorithm " + key.getAlgorithm() + " (RSA or ECDSA expected)");
    }

    /** True when this scheme can be used with that public key. */
    public boolean fits(PublicKey key) {
        return this == ECDSA ? key instanceof ECPublicKey : key instanceof RSAPublicKey;
    }
}
