package vn.kyso.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A custody key opened for one signing operation: the private key and its chain (signer
 * first, root last), ready for signing-core. Valid only inside {@link KeyUse#use}.
 */
public record UnlockedKey(PrivateKey privateKey, List<X509Certificate> chain) {
    public UnlockedKey {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
