package vn.kyso.signing.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * EU DSS's side of the kyso-versus-DSS verification benchmark: validates every PDF in a folder
 * in this one JVM (offline: the files carry their revocation data; the folder's root.pem is the
 * trust anchor) and prints the count, the wall time and DSS's indications. Run it on the Bouncy
 * Castle version DSS is built for (signing-core/bench/verify-vs-dss.sh arranges the class path).
 * Usage: {@code DssVerifyRunner DIR}.
 */
public final class DssVerifyRunner {

    private DssVerifyRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        X509Certificate root;
        try (InputStream in = Files.newInputStream(dir.resolve("root.pem"))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        Map<String, Integer> indications = new TreeMap<>();
        long start = System.nanoTime();
        for (Path file : files) {
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setAIASource(null); // offline, as kyso verify --offline
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(Files.readAllBytes(file)));
            validator.setCertificateVerifier(verifier);
            Reports reports = validator.validateDocument();
            String id = reports.getSimpleReport().getFirstSignatureId();
            indications.merge(id == null ? "NO_SIGNATURE" : String.valueOf(reports.getSimpleReport().getIndication(id)), 1,
                    Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("dss: %d files in %.2f s (%.1f files/s) %s%n", files.size(), seconds, files.size() / seconds,
                indications);
    }
}
