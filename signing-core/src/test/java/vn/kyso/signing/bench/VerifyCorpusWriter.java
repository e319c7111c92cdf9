package vn.kyso.signing.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.verify.TestRevocationData;
import vn.kyso.signing.verify.TestSigner;

/**
 * Writes N distinct clean signed PDFs for the kyso-versus-DSS verification benchmark
 * (signing-core/bench/verify-vs-dss.sh): each a one-page document with its own text, signed
 * PAdES B-B by {@code PdfSigner} (RSA-2048), then a /DSS with OCSP responses for the signer and
 * the issuing CA, so both verifiers can decide offline; plus {@code root.pem}, the trust anchor.
 * Usage: {@code VerifyCorpusWriter DIR [N]} (N defaults to 1000).
 */
public final class VerifyCorpusWriter {

    private VerifyCorpusWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestPki pki = TestPki.create(now, null, TestPki.KeyType.RSA_2048, "Bench");
        TestPki.Credential signer = pki.signer("Benchmark", TestPki.KeyType.RSA_2048);
        TestPki.Credential responder = pki.ocspResponder();
        TestRevocationData data = new TestRevocationData(pki, responder, now);
        byte[] signerOcsp = data.ocsp(signer.certificate(), pki.issuingCa().certificate(), responder);
        byte[] caOcsp = data.ocsp(pki.issuingCa().certificate(), pki.root().certificate(), pki.root());
        PdfSigner pdfSigner = PdfSigner.builder().build();
        for (int i = 1; i <= n; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdfSigner.sign(SignRequest.builder(InMemorySigningKey.of(signer.privateKey(), signer.chain()), PadesLevel.B_B)
                    .build(), document("Van ban so " + i + "/QD-UBND ngay " + now), out);
            byte[] withDss = TestSigner.addDss(out.toByteArray(),
                    List.of(pki.issuingCa().certificate(), responder.certificate()), List.of(signerOcsp, caOcsp), List.of());
            Files.write(dir.resolve(String.format("doc-%04d.pdf", i)), withDss);
        }
        Files.writeString(dir.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded(pki))
                + "\n-----END CERTIFICATE-----\n");
        System.out.println("wrote " + n + " signed PDFs and root.pem to " + dir);
    }

    private static byte[] encoded(TestPki pki) {
        try {
            return pki.root().certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] document(String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
