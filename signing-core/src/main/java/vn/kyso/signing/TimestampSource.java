package vn.kyso.signing;

/**
 * Where RFC 3161 timestamps come from: an HTTP TSA, kyso's own TSA in-process, or a test stub.
 * Implementations must be thread-safe.
 */
public interface TimestampSource {

    /**
     * Asks for a timestamp over {@code digest} (computed with {@code algorithm}).
     *
     * @return the DER-encoded TimeStampToken (a CMS ContentInfo), already checked to match the
     *         request (imprint, nonce, status granted)
     * @throws SigningException with {@code TSA_UNAVAILABLE} when no token could be had
     */
    byte[] timestamp(byte[] digest, DigestAlgorithm algorithm);
}
