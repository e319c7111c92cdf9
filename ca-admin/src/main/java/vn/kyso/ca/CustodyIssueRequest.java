package vn.kyso.ca;

import java.util.Objects;

/**
 * Issue a certificate for a key that kyso generates and keeps in custody. It takes no PIN: the
 * key's holder chooses it in their own session ({@link CertificateAuthority#choosePin}), so that
 * whoever issues the certificate never holds a PIN that opens the key.
 *
 * @param allowExport  whether one PKCS#12 export may be made (also needs the CA setting)
 */
public record CustodyIssueRequest(long subscriberId, String profile, boolean allowExport) {
    public CustodyIssueRequest {
        Objects.requireNonNull(profile, "profile");
    }
}
