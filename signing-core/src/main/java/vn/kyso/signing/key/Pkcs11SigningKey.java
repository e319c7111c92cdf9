package vn.kyso.signing.key;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.cms.SignatureAlgorithm;

/**
 * A key on a PKCS#11 token (USB token, HSM, SoftHSM) through the JDK's SunPKCS11 provider.
 * One provider per (library, slot) is configured once and reused; the key never leaves the
 * token, so signatures are asked of that provider explicitly.
 */
public final class Pkcs11SigningKey implements SigningKey {

    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final Provider provider;
    private final SignatureScheme scheme;

    private Pkcs11SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.provider = provider;
        this.scheme = SignatureScheme.defaultFor(chain.get(0).getPublicKey());
    }

    /**
     * Logs in to the token at position {@code slotListIndex} of {@code library}'s slot list and
     * takes the key under {@code alias} (the first key with a certificate when null).
     *
     * @param extraChain issuer certificates to append when the token holds only the signer's certificate
     * @throws SigningException KEY_UNAVAILABLE when the library, token, PIN or key is not usable
     */
    public static Pkcs11SigningKey open(Path library, int slotListIndex, char[] pin, String alias,
            List<X509Certificate> extraChain) {
        if (!Files.isReadable(library)) {
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE, "PKCS#11 library not found: " + library);
        }
        Provider provider = provider(library, slotListIndex);
        InMemorySigningKey found;
        try {
            // PKCS#11 login state is per token and process: log out first so a wrong PIN is never
            // accepted on the strength of an earlier login (a concurrent signer on the same token
            // must open it again)
            try {
                ((AuthProvider) provider).logout();
            } catch (javax.security.auth.login.LoginException | RuntimeException ignored) {
                // not logged in
            }
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            found = Pkcs12SigningKey.keyAt(ks, alias, null, "the PKCS#11 token");
        } catch (SigningException e) {
            throw e;
        } catch (Exception e) {
            // the cause may describe the login; keep only its type, never the PIN
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE,
                    "cannot log in to the PKCS#11 token (wrong PIN, locked or absent token): "
                            + e.getClass().getSimpleName());
        }
        List<X509Certificate> chain = new ArrayList<>(found.certificateChain());
        if (extraChain != null) {
            for (X509Certificate c : extraChain) {
                if (!chain.contains(c)) {
                    chain.add(c);
                }
            }
        }
        return new Pkcs11SigningKey(found.privateKey(), chain, provider);
    }

    private static Provider provider(Path library, int slotListIndex) {
        String id = library.toAbsolutePath() + "#" + slotListIndex;
        return PROVIDERS.computeIfAbsent(id, k -> {
            try {
                String config = "--name=kyso-" + Integer.toHexString(k.hashCode()) + "\nlibrary="
                        + library.toAbsolutePath() + "\nslotListIndex=" + slotListIndex + "\n";
                return Security.getProvider("SunPKCS11").configure(config);
            } catch (RuntimeException e) {
                throw new SigningException(ErrorCode.KEY_UNAVAILABLE,
                        "cannot load the PKCS#11 library " + library + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public SignatureScheme scheme() {
        return scheme;
    }

    @Override
    public byte[] sign(byte[] toBeSigned, DigestAlgorithm digest) {
        return SignatureAlgorithm.of(scheme, digest).sign(privateKey, provider, toBeSigned);
    }

    @Override
    public String toString() {
        return "Pkcs11SigningKey[" + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
}
