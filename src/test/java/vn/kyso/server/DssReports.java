package vn.kyso.server;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

/** EU DSS as the relying party: validates a PDF trusting one root and fetching revocation data online. */
public final class DssReports {

    private DssReports() {
    }

    /** DSS's simple report on {@code pdf}, trusting {@code root} only. */
    public static SimpleReport validate(DSSDocument pdf, CertificateToken root) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(pdf);
        validator.setCertificateVerifier(verifier(root));
        return validator.validateDocument().getSimpleReport();
    }

    /** A verifier that trusts {@code root} and fetches revocation data from the URLs in the certificates. */
    public static CommonCertificateVerifier verifier(CertificateToken root) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(root);
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        return verifier;
    }
}
