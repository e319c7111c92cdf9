package vn.kyso.signing.verify;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One Bouncy Castle provider instance for all verifications: it knows every CMS signature
 * algorithm name (RSA-PSS as SHA256withRSAandMGF1 included), and creating one is costly. It is
 * passed explicitly, never registered globally.
 */
final class CryptoProvider {

    static final Provider BC = new BouncyCastleProvider();

    private CryptoProvider() {
    }
}
