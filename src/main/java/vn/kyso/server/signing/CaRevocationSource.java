package vn.kyso.server.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.signing.RevocationSource;

/**
 * Revocation data for certificates kyso issued, asked of the CA's OCSP responder and CRL
 * in-process, and for kyso's issuing CA itself the root's CRL (no HTTP loop to the service itself); other certificates go to {@code others}.
 */
public final class CaRevocationSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(CaRevocationSource.class);

    private final CertificateAuthority ca;
    private final RevocationSource others;

    public CaRevocationSource(CertificateAuthority ca, RevocationSource others) {
        this.ca = ca;
        this.others = others;
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        if (!issuedByKyso(certificate)) {
            return others.ocsp(certificate, issuer);
        }
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] der = ca.ocsp(new OCSPReqBuilder().addRequest(id).build().getEncoded());
            return new OCSPResp(der).getStatus() == OCSPResp.SUCCESSFUL ? Optional.of(der) : Optional.empty();
        } catch (Exception e) {
            log.warn("kyso's OCSP responder gave no usable answer for serial {}: {}",
                    certificate.getSerialNumber().toString(16), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate) {
        if (certificate.equals(ca.issuingCertificate())) {
            return ca.rootCrl().map(PublishedCrl::der); // the root's CRL over the CA certificates it signed
        }
        if (!issuedByKyso(certificate)) {
            return others.crl(certificate);
        }
        return ca.latestCrl().map(PublishedCrl::der);
    }

    /** Whether kyso's issuing CA signed the certificate (name and key, not the name alone). */
    boolean issuedByKyso(X509Certificate certificate) {
        X509Certificate issuing = ca.issuingCertificate();
        if (!certificate.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuing.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
