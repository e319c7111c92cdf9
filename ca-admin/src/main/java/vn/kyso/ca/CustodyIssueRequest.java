package vn.kyso.ca;

import java.util.Objects;

/**
 * Issue a certificate for a key that kyso generates and keeps in custody under the PIN.
 *
 * @param pin          at least 6 characters; the caller should wipe it afterwards
 * @param allowExport  whether one PKCS#12 export may be made (also needs the CA setting)
 */
public record CustodyIssueRequest(long subscriberId, String profile, char[] pin, boolean allowExport) {
    public CustodyIssueRequest {
        Objects.requireNonNull(profile, "profile");
        if (pin == null || pin.length < 6) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "the PIN must have at least 6 characters");
        }
    }
}
