import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;

/**
 * EU DSS as a user of its library would sign a folder: one JVM, one token, PAdES B-B with
 * SHA-256, each file into OUT_DIR under its own name. Usage: KEY.p12 PASSWORD_ENV OUT_DIR FILE...
 */
public final class DssSignLoop {

    public static void main(String[] args) throws Exception {
        char[] password = System.getenv(args[1]).toCharArray();
        Path outDir = Path.of(args[2]);
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(new File(args[0]),
                new KeyStore.PasswordProtection(password))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            for (Path file : files) {
                PAdESSignatureParameters parameters = new PAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
                parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
                parameters.setSigningCertificate(key.getCertificate());
                parameters.setCertificateChain(key.getCertificateChain());
                DSSDocument document = new FileDocument(file.toFile());
                ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
                SignatureValue value = token.sign(toBeSigned, DigestAlgorithm.SHA256, key);
                service.signDocument(document, parameters, value).save(outDir.resolve(file.getFileName()).toString());
            }
        }
        System.err.println("DSS signed " + files.size() + " files");
    }
}
