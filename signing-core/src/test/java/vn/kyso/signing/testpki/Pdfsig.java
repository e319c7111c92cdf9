package vn.kyso.signing.testpki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs poppler's {@code pdfsig} with an NSS database (made with {@code certutil} in a temp
 * directory) that trusts the given roots, and parses what it says about each signature.
 */
public final class Pdfsig {

    /** What pdfsig said about one signature. */
    public record Result(int number, String signerCommonName, String subFilter, String signatureValidation,
            String certificateValidation, boolean totalDocumentSigned) {

        public boolean signatureValid() {
            return "Signature is Valid.".equals(signatureValidation);
        }

        public boolean certificateTrusted() {
            return "Certificate is Trusted.".equals(certificateValidation);
        }
    }

    private final Path nssDir;

    private Pdfsig(Path nssDir) {
        this.nssDir = nssDir;
    }

    /** An NSS database under {@code dir} that trusts {@code roots} for signing. */
    public static Pdfsig trusting(Path dir, X509Certificate... roots) {
        try {
            Path db = Files.createDirectories(dir.resolve("nssdb"));
            ExternalTool.runOk(List.of("certutil", "-N", "-d", "sql:" + db, "--empty-password"));
            int i = 0;
            for (X509Certificate root : roots) {
                Path pem = dir.resolve("root" + i + ".pem");
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder().encodeToString(root.getEncoded()) + "\n-----END CERTIFICATE-----\n");
                ExternalTool.runOk(List.of("certutil", "-A", "-n", "root" + i++, "-t", "CT,C,C", "-i", pem.toString(),
                        "-d", "sql:" + db));
            }
            return new Pdfsig(db);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw output of pdfsig (no online OCSP: the test controls revocation data). */
    public String rawOutput(Path pdf) {
        return ExternalTool.run(List.of("pdfsig", "-nssdir", "sql:" + nssDir, "-no-ocsp", pdf.toString())).output();
    }

    /** One result per signature, in file order. */
    public List<Result> check(Path pdf) {
        return parse(rawOutput(pdf));
    }

    static List<Result> parse(String output) {
        List<Result> results = new ArrayList<>();
        int number = 0;
        String cn = null, subFilter = null, sig = null, cert = null;
        boolean total = false;
        for (String raw : output.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("Signature #")) {
                if (number > 0) {
                    results.add(new Result(number, cn, subFilter, sig, cert, total));
                }
                number = Integer.parseInt(line.substring("Signature #".length(), line.length() - 1));
                cn = subFilter = sig = cert = null;
                total = false;
            } else if (line.startsWith("- Signer Certificate Common Name:")) {
                cn = value(line);
            } else if (line.startsWith("- Signature Type:")) {
                subFilter = value(line);
            } else if (line.startsWith("- Signature Validation:")) {
                sig = value(line);
            } else if (line.startsWith("- Certificate Validation:")) {
                cert = value(line);
            } else if (line.startsWith("- Total document signed")) {
                total = true;
            }
        }
        if (number > 0) {
            results.add(new Result(number, cn, subFilter, sig, cert, total));
        }
        return results;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }
}
