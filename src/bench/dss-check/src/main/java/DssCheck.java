import java.io.File;
import java.util.Map;
import java.util.TreeMap;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * EU DSS as the judge of the benchmark's output: validates each file offline with CERT.pem as the
 * trust anchor (default policy) and exits 1 unless every file holds exactly one signature that DSS
 * finds TOTAL_PASSED. Usage: CERT.pem FILE...
 */
public final class DssCheck {

    public static void main(String[] args) throws Exception {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(DSSUtils.loadCertificate(new File(args[0])));
        Map<String, Integer> indications = new TreeMap<>();
        boolean allPassed = true;
        for (int i = 1; i < args.length; i++) {
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setAIASource(null);
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(args[i]));
            validator.setCertificateVerifier(verifier);
            Reports reports = validator.validateDocument();
            var simple = reports.getSimpleReport();
            String indication = simple.getSignaturesCount() != 1 ? simple.getSignaturesCount() + " signatures"
                    : String.valueOf(simple.getIndication(simple.getFirstSignatureId()));
            indications.merge(indication, 1, Integer::sum);
            if (!"TOTAL_PASSED".equals(indication)) {
                allPassed = false;
                System.err.println(args[i] + ": " + indication + " " + simple.getSubIndication(simple.getFirstSignatureId()));
            }
        }
        System.out.println("DSS: " + (args.length - 1) + " files " + indications);
        System.exit(allPassed ? 0 : 1);
    }
}
