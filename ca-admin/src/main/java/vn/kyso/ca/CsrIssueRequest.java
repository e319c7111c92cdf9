package vn.kyso.ca;

import java.util.Objects;

/**
 * Issue a certificate for the key of a PKCS#10 request; the key stays with the subscriber.
 * The subject comes from the subscriber's record, not from the request.
 *
 * @param profile "personal" or "agency"
 * @param csrDer  the PKCS#10 request, DER (PEM is accepted too)
 */
public record CsrIssueRequest(long subscriberId, String profile, byte[] csrDer) {
    public CsrIssueRequest {
        Objects.requireNonNull(profile, "profile");
        if (csrDer == null || csrDer.length == 0) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is empty");
        }
    }
}
