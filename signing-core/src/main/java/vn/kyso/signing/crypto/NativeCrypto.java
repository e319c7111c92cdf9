package vn.kyso.signing.crypto;

import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private-key operations in native code (AWS-LC through the Amazon Corretto Crypto Provider,
 * ACCP) for keys kyso holds in memory, such as the CA's PKCS#12 keys: RSA-2048 signs about four
 * times faster than in the JDK, P-256 ten times faster than in Bouncy Castle.
 *
 * <p>ACCP is used only when it is on the class path, loaded its native library and passed its
 * self-tests; otherwise, or when switched off, keys sign with Bouncy Castle (EC) or the JDK
 * (RSA) as before. It is never registered JVM-wide: only the keys {@link #prepare prepared} here
 * use it. Keys of a token (PKCS#11) stay with their own provider.
 *
 * <p>Preparing converts the key into a provider key object once: a JDK key handed to ACCP at
 * every {@code initSign} would be converted each time, which costs most of the gain.
 */
public final class NativeCrypto {

    /**
     * System property that switches native crypto off ({@code -Dkyso.crypto.native=false}) for the
     * whole JVM: a deliberate exception to "the library reads no configuration", as an emergency
     * switch an operator can use without a new release.
     */
    public static final String SWITCH = "kyso.crypto.native";

    private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);
    private static final String ACCP = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final NativeCrypto OFF = new NativeCrypto(null, "switched off");

    private final Provider provider;
    private final String unavailable;

    private NativeCrypto(Provider provider, String unavailable) {
        this.provider = provider;
        this.unavailable = unavailable;
    }

    /** Native crypto if it is available, unless the {@value #SWITCH} system property is "false". */
    public static NativeCrypto system() {
        return wanted(true);
    }

    /** Native crypto if wanted and available; the JDK/Bouncy Castle otherwise. */
    public static NativeCrypto wanted(boolean wanted) {
        if (!wanted || "false".equalsIgnoreCase(System.getProperty(SWITCH, "true").trim())) {
            return OFF;
        }
        return Detected.INSTANCE;
    }

    /** Never native: keys sign with Bouncy Castle (EC) or the JDK (RSA). */
    public static NativeCrypto off() {
        return OFF;
    }

    /** Whether prepared software keys sign natively. */
    public boolean active() {
        return provider != null;
    }

    /** The native provider, when active. Not registered JVM-wide. */
    public Optional<Provider> provider() {
        return Optional.ofNullable(provider);
    }

    /** One line for the start-up log: what signs, or why not natively. */
    public String describe() {
        return provider != null ? "native (" + provider.getName() + " " + provider.getVersionStr() + ")"
                : "JDK and Bouncy Castle (native crypto " + unavailable + ")";
    }

    /**
     * Makes a key ready for many signatures.
     *
     * @param key         the private key
     * @param keyProvider the provider the key belongs to (a PKCS#11 provider), or null for a software key
     */
    public PreparedKey prepare(PrivateKey key, Provider keyProvider) {
        if (keyProvider != null) {
            return new PreparedKey(key, keyProvider, PreparedKey.Kind.KEY_PROVIDER);
        }
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        boolean ec = algorithm.equals("EC") || algorithm.equals("ECDSA");
        if (!ec && !algorithm.equals("RSA")) {
            return new PreparedKey(key, null, PreparedKey.Kind.JDK);
        }
        if (provider != null) {
            Optional<PrivateKey> converted = convert(key, ec ? "EC" : "RSA", provider);
            if (converted.isPresent()) {
                return new PreparedKey(converted.get(), provider, PreparedKey.Kind.NATIVE);
            }
        }
        if (ec) {
            Optional<PrivateKey> converted = convert(key, "EC", BouncyCastle.PROVIDER);
            if (converted.isPresent()) {
                return new PreparedKey(converted.get(), BouncyCastle.PROVIDER, PreparedKey.Kind.BOUNCY_CASTLE);
            }
        }
        return new PreparedKey(key, null, PreparedKey.Kind.JDK);
    }

    /** The key as an object of the provider, from its PKCS#8 encoding; empty if it is not extractable. */
    private static Optional<PrivateKey> convert(PrivateKey key, String algorithm, Provider target) {
        byte[] encoded = "PKCS#8".equalsIgnoreCase(key.getFormat()) ? key.getEncoded() : null;
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance(algorithm, target).generatePrivate(new PKCS8EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException | RuntimeException e) {
            // Never the key material in a log line: the key type and the provider only.
            LOG.warn("{} cannot take a {} key ({}); it signs with the default provider", target.getName(), algorithm,
                    e.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * Made on first use only: its algorithm table is about 600 classes (a quarter of a second of a
     * command-line run), and a native or RSA key never needs it.
     */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    /** Looked for once per JVM: loading the native library is slow and its result does not change. */
    private static final class Detected {
        static final NativeCrypto INSTANCE = detect();

        private static NativeCrypto detect() {
            try {
                Class<?> type = Class.forName(ACCP, true, NativeCrypto.class.getClassLoader());
                Provider accp = (Provider) type.getField("INSTANCE").get(null);
                Object error = type.getMethod("getLoadingError").invoke(accp);
                if (error != null) {
                    LOG.info("Native crypto is unavailable on this platform ({}); using the JDK and Bouncy Castle",
                            error);
                    return new NativeCrypto(null, "unavailable: " + error);
                }
                type.getMethod("assertHealthy").invoke(accp);
                return new NativeCrypto(accp, null);
            } catch (ClassNotFoundException e) {
                return new NativeCrypto(null, "not on the class path");
            } catch (InvocationTargetException e) {
                LOG.warn("Native crypto failed its self-tests ({}); using the JDK and Bouncy Castle",
                        e.getCause() == null ? e : e.getCause().toString());
                return new NativeCrypto(null, "unhealthy");
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                LOG.warn("Native crypto cannot be loaded ({}); using the JDK and Bouncy Castle", e.toString());
                return new NativeCrypto(null, "cannot be loaded");
            }
        }
    }
}
