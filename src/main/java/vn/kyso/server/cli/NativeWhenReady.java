package vn.kyso.server.cli;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.signing.key.InMemorySigningKey;

/**
 * A key from a PKCS#12 file that signs with the JDK until native crypto (AWS-LC) has loaded on
 * another thread, then natively. Loading the native library and its self-tests takes about half
 * a second: a one-file run should not wait for it, a batch of thousands should not go without
 * it. Both sign with the same key and scheme, so the signatures are the same either way.
 */
final class NativeWhenReady implements SigningKey {

    private final InMemorySigningKey jdk;
    private final CompletableFuture<InMemorySigningKey> prepared;

    NativeWhenReady(InMemorySigningKey key) {
        this.jdk = key;
        this.prepared = CompletableFuture.supplyAsync(() -> InMemorySigningKey.prepared(
                NativeCrypto.system().prepare(key.privateKey(), null), key.certificateChain()), runnable -> {
                    Thread t = new Thread(runnable, "kyso-native-crypto");
                    t.setDaemon(true);
                    t.start();
                });
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return jdk.certificateChain();
    }

    @Override
    public SignatureScheme scheme() {
        return jdk.scheme();
    }

    @Override
    public byte[] sign(byte[] toBeSigned, DigestAlgorithm digest) {
        InMemorySigningKey key = prepared.isDone() && !prepared.isCompletedExceptionally() ? prepared.join() : jdk;
        return key.sign(toBeSigned, digest);
    }
}
