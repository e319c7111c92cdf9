package vn.kyso.usage;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import vn.kyso.usage.snapshot.CmsSnapshotSigner;

/**
 * The port that signs a closed period's report snapshot with a key of kyso (the service signs
 * with its report-signing certificate, issued by kyso's CA).
 */
@FunctionalInterface
public interface SnapshotSigner {

    /** A detached CMS SignedData (DER) over {@code content}, carrying the signer's certificate chain. */
    byte[] sign(byte[] content);

    /** Signs with {@code key} (RSA or EC, SHA-256), carrying {@code chain} (the signer's certificate first). */
    static SnapshotSigner cms(PrivateKey key, List<X509Certificate> chain) {
        return new CmsSnapshotSigner(key, chain);
    }
}
