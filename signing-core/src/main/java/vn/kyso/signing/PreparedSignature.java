package vn.kyso.signing;

import java.util.Objects;

/**
 * The first half of a two-step signature: what the external key must sign, and a handle to
 * finish with {@link PdfSigner#complete}.
 *
 * @param handleId     opaque id of the prepared document held by the {@link PdfSigner} that prepared it
 * @param toBeSigned   the DER-encoded signed attributes (sign these with {@link #digest()} and {@link #scheme()})
 * @param hash         the digest of {@code toBeSigned}, for signers that take a precomputed hash
 * @param digest       the digest algorithm
 * @param scheme       the signature scheme the value must use
 */
public record PreparedSignature(String handleId, byte[] toBeSigned, byte[] hash, DigestAlgorithm digest,
        SignatureScheme scheme) {

    public PreparedSignature {
        Objects.requireNonNull(handleId, "handleId");
        toBeSigned = toBeSigned.clone();
        hash = hash.clone();
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public byte[] toBeSigned() {
        return toBeSigned.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
