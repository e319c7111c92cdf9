package vn.kyso.signing.key;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.SigningKey;

/**
 * A key held elsewhere (a remote signing service, a smart card behind another API): the chain
 * is known here and each signature is asked of a callback.
 *
 * @param certificateChain signer first
 * @param scheme           the scheme the callback signs with
 * @param signer           the callback; null for a chain-only key used with {@code PdfSigner.prepare}
 */
public record ExternalSigningKey(List<X509Certificate> certificateChain, SignatureScheme scheme, ExternalSigner signer)
        implements SigningKey {

    /** Signs outside this process. */
    @FunctionalInterface
    public interface ExternalSigner {
        /**
         * Signs {@code toBeSigned} (DER signed attributes) with {@code digest} and {@code scheme};
         * the signer hashes the data itself. Returns the signature value (DER for ECDSA).
         */
        byte[] sign(byte[] toBeSigned, DigestAlgorithm digest, SignatureScheme scheme);
    }

    public ExternalSigningKey {
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain must hold at least the signer's certificate");
        }
        scheme = scheme == null ? SignatureScheme.defaultFor(certificateChain.get(0).getPublicKey()) : scheme;
    }

    /** A key known only by its chain: for the two-step flow, where the value comes back later. */
    public static ExternalSigningKey chainOnly(List<X509Certificate> chain) {
        return new ExternalSigningKey(chain, null, null);
    }

    /** The same chain signing with another scheme. */
    public ExternalSigningKey withScheme(SignatureScheme other) {
        return new ExternalSigningKey(certificateChain, other, signer);
    }

    @Override
    public byte[] sign(byte[] toBeSigned, DigestAlgorithm digest) {
        if (signer == null) {
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE,
                    "this key has no signer: use PdfSigner.prepare and complete for a chain-only key");
        }
        byte[] value = signer.sign(toBeSigned, digest, scheme);
        return Objects.requireNonNull(value, "the external signer returned no value");
    }
}
