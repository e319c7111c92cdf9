package vn.kyso.ca.hierarchy;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.kyso.ca.CaException;
import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.signing.crypto.PreparedKey;

/**
 * A CA key with its certificate; makes content signers with the algorithm that fits the key.
 *
 * @param provider the provider that signs with {@code key}; null for the JDK's defaults
 */
public record SigningCredential(PrivateKey key, X509Certificate certificate, Provider provider) {

    /**
     * Software EC keys sign through Bouncy Castle when native crypto is off: its curve arithmetic
     * is several times faster than the JDK 17 SunEC's. Not registered globally: kyso never
     * changes the JVM's provider list.
     */
    public static final Provider FAST_EC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    public SigningCredential {
        // Translated once, so Bouncy Castle does not convert the JDK key object at every signature.
        if (provider == null) {
            PreparedKey prepared = NativeCrypto.off().prepare(key, null);
            key = prepared.key();
            provider = prepared.provider();
        }
    }

    /**
     * A credential whose key is made ready once for many signatures: natively (AWS-LC) when
     * {@code crypto} is active and the key is a software key; a token's key stays on its token.
     *
     * @param keyProvider the key store's provider (PKCS#11), or null for a software key
     */
    public static SigningCredential prepared(PrivateKey key, X509Certificate certificate, Provider keyProvider,
                                             NativeCrypto crypto) {
        PreparedKey prepared = crypto.prepare(key, keyProvider);
        return new SigningCredential(prepared.key(), certificate, prepared.provider());
    }

    /** The CA's signature algorithm for a key: SHA-256 with RSA or P-256, SHA-384 with P-384, SHA-512 with P-521. */
    public static String signatureAlgorithmFor(java.security.Key publicKey) {
        if (publicKey instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (publicKey instanceof RSAKey) {
            return "SHA256withRSA";
        }
        throw new CaException(CaException.ErrorCode.UNSUPPORTED_KEY,
                "unsupported CA key type " + publicKey.getAlgorithm());
    }

    /** A new signer; ContentSigner is stateful, so each signature gets its own. */
    public ContentSigner contentSigner() {
        return contentSigner(key, certificate.getPublicKey(), provider);
    }

    /**
     * A signature engine initialised for this key, with the algorithm and provider of
     * {@link #contentSigner()}. Not thread-safe, but reusable: after each {@code sign()} it is
     * ready for the next signature with the same key, which spares the provider lookup and key
     * initialisation of a new signer (the OCSP responder signs every answer with a nonce afresh).
     */
    public Signature signature() {
        java.security.PublicKey publicKey = certificate.getPublicKey();
        String algorithm = signatureAlgorithmFor(publicKey);
        Provider signing = signingProvider(provider, publicKey);
        try {
            Signature signature = signing == null ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, signing);
            signature.initSign(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot sign with the CA key", e);
        }
    }

    /** The key's own provider; else Bouncy Castle for EC keys, the JDK's defaults (null) for RSA. */
    private static Provider signingProvider(Provider provider, java.security.PublicKey publicKey) {
        return provider != null ? provider : publicKey instanceof ECKey ? FAST_EC : null;
    }

    /** A signer for a key that has no certificate yet (a new root signs its own). */
    public static ContentSigner contentSigner(PrivateKey key, java.security.PublicKey publicKey, Provider provider) {
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signatureAlgorithmFor(publicKey));
            Provider signing = signingProvider(provider, publicKey);
            if (signing != null) {
                builder.setProvider(signing);
            }
            return builder.build(key);
        } catch (OperatorCreationException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot sign with the CA key", e);
        }
    }
}
