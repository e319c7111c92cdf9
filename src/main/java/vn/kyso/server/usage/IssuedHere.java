package vn.kyso.server.usage;

import java.math.BigInteger;

import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.usage.CertificateRef;

/** Names a certificate of kyso's issuing CA the way the usage module does: issuer DN and serial. */
@Component
class IssuedHere {

    private final CertificateAuthority ca;
    private volatile String issuingCaName;

    IssuedHere(CertificateAuthority ca) {
        this.ca = ca;
    }

    CertificateRef ref(BigInteger serial) {
        String issuer = issuingCaName;
        if (issuer == null) {
            // formatting the DN costs more than the rest of a listener; the issuing CA does not change while running
            issuer = ca.issuingCertificate().getSubjectX500Principal().getName();
            issuingCaName = issuer;
        }
        return new CertificateRef(issuer, serial.toString(16));
    }
}
