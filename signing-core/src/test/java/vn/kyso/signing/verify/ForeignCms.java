package vn.kyso.signing.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.testpki.ExternalTool;
import vn.kyso.signing.testpki.TestPki;

/**
 * CMS made by other software (OpenSSL's {@code cms} command, hand-built Bouncy Castle
 * structures) placed into a PDF signature placeholder that PDFBox lays out with its /ByteRange.
 */
final class ForeignCms {

    private ForeignCms() {
    }

    /** Signs {@code pdf} in a new incremental update whose /Contents is {@code cms} of the signed bytes. */
    static byte[] place(byte[] pdf, String subFilter, Instant signingTime, UnaryOperator<byte[]> cms) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(subFilter));
            Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            c.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(c);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(24_000);
                doc.addSignature(signature, content -> cms.apply(content.readAllBytes()), options);
                return TestDocuments.saveIncremental(doc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code openssl cms -sign} over {@code data} by the given signers (each with its chain), DER or BER output. */
    static byte[] openssl(byte[] data, List<TestPki.Credential> signers, String... options) {
        try {
            Path dir = Files.createTempDirectory("kyso-openssl-cms");
            try {
                Path in = Files.write(dir.resolve("in.bin"), data);
                Path out = dir.resolve("out.der");
                List<String> command = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-in", in.toString(),
                        "-outform", "DER", "-out", out.toString()));
                java.util.Set<X509Certificate> chain = new java.util.LinkedHashSet<>();
                for (int i = 0; i < signers.size(); i++) {
                    TestPki.Credential s = signers.get(i);
                    command.addAll(List.of("-signer", pem(dir.resolve("signer" + i + ".pem"), s.certificate()).toString(),
                            "-inkey", pem(dir.resolve("key" + i + ".pem"), s.privateKey()).toString()));
                    chain.addAll(s.issuers());
                }
                command.addAll(List.of("-certfile", pem(dir.resolve("chain.pem"), chain.toArray(new X509Certificate[0])).toString()));
                command.addAll(List.of(options));
                ExternalTool.runOk(command);
                return Files.readAllBytes(out);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(Path file, X509Certificate... certificates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                text.append(pem("CERTIFICATE", c.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return Files.writeString(file, text.toString());
    }

    private static Path pem(Path file, PrivateKey key) throws IOException {
        return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
