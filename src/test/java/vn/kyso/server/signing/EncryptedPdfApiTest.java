package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import tools.jackson.databind.JsonNode;
import vn.kyso.server.DssReports;
import vn.kyso.server.TestHttp;

/**
 * The service signs, extends and verifies PDFs encrypted with the empty user password (made by
 * qpdf and by PDFBox) in their own encryption; EU DSS, pdfsig and qpdf accept the results. A PDF
 * whose permissions forbid signing, or that needs a password, is a 422 in Vietnamese or English.
 */
class EncryptedPdfApiTest extends SigningTestSupport {

    @TempDir
    Path temp;

    private Path qpdfEncrypted(String name, String... restrictions) throws Exception {
        Path plain = Files.write(temp.resolve("plain-" + name), onePagePdf());
        Path out = temp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("qpdf", "--encrypt", "", "kyso-owner", "256"));
        cmd.addAll(List.of(restrictions));
        cmd.addAll(List.of("--", plain.toString(), out.toString()));
        assertThat(run(cmd.toArray(String[]::new))).isZero();
        return out;
    }

    private static byte[] pdfboxEncrypted(AccessPermission permissions) throws IOException {
        try (PDDocument doc = Loader.loadPDF(onePagePdf())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("kyso-owner", "", permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void anEncryptedPdfIsSignedAtBExtendedToLtaAndVerifiedKeepingItsEncryption() throws Exception {
        Signer officer = newOfficer("mahoa");
        Path encrypted = qpdfEncrypted("qpdf-aes256.pdf", "--print=none", "--extract=n");
        CertificateToken root = new CertificateToken(ca.rootCertificate());

        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN, "level", "B"), List.of(Map.entry("file", Files.readAllBytes(encrypted)))));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        Path b = Files.write(temp.resolve("signed-b.pdf"), signed.body());

        HttpResponse<byte[]> extended = http().basic(officer.username(), USER_PASSWORD).postMultipartBytes(
                "/api/v1/extensions", "file", "signed-b.pdf", signed.body(), Map.of("level", "LTA"));
        assertThat(extended.statusCode()).as(text(extended)).isEqualTo(200);
        Path lta = Files.write(temp.resolve("signed-lta.pdf"), extended.body());

        for (Path file : List.of(b, lta)) {
            assertThat(run("qpdf", "--password=", "--check", file.toString())).isZero();
            assertThat(run("pdfsig", file.toString())).isZero();
            assertThat(output("qpdf", "--show-encryption", file.toString()))
                    .isEqualTo(output("qpdf", "--show-encryption", encrypted.toString()))
                    .contains("R = 6", "print high resolution: not allowed");
        }
        assertTotalPassed(signed.body(), root, SignatureLevel.PAdES_BASELINE_B);
        assertTotalPassed(extended.body(), root, SignatureLevel.PAdES_BASELINE_LTA);

        HttpResponse<String> verified = http().postMultipart("/api/v1/verifications", "file", "signed-lta.pdf",
                extended.body(), Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode signature = TestHttp.json(verified).get("signatures").get(0);
        assertThat(signature.get("indication").asString()).as(verified.body()).isEqualTo("VALID");
        assertThat(signature.get("certificateSerial").asString()).isEqualTo(officer.serial());
    }

    @Test
    void aPdfboxEncryptedPdfIsSignedAtLtThroughTheApi() throws Exception {
        Signer officer = newOfficer("pdfbox");
        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", pdfboxEncrypted(new AccessPermission())))));

        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        Path file = Files.write(temp.resolve("pdfbox-lt.pdf"), signed.body());
        assertThat(run("qpdf", "--check", file.toString())).isZero();
        // PDFBox's 128-bit default: RC4, revision 3
        assertThat(output("qpdf", "--show-encryption", file.toString())).contains("R = 3");
        assertTotalPassed(signed.body(), new CertificateToken(ca.rootCertificate()), SignatureLevel.PAdES_BASELINE_LT);
    }

    @Test
    void permissionsThatForbidSigningAreA422InVietnameseAndEnglish() throws Exception {
        Signer officer = newOfficer("camky");
        byte[] noModify = Files.readAllBytes(qpdfEncrypted("no-modify.pdf", "--modify=none"));

        HttpResponse<byte[]> vi = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN, "level", "B"), List.of(Map.entry("file", noModify))));
        Multipart body = multipart(Map.of("pin", PIN, "level", "B"), List.of(Map.entry("file", noModify)));
        HttpResponse<byte[]> en = http().basic(officer.username(), USER_PASSWORD).header("Accept-Language", "en")
                .postBytes("/api/v1/signatures", body.contentType(), body.body());

        assertThat(vi.statusCode()).isEqualTo(422);
        assertThat(text(vi)).contains("ENCRYPTION_FORBIDS_SIGNING", "không cho phép ký");
        assertThat(en.statusCode()).isEqualTo(422);
        assertThat(text(en)).contains("ENCRYPTION_FORBIDS_SIGNING", "permissions that forbid signing");
    }

    @Test
    void aPdfThatNeedsAPasswordIsA422ForSigningExtendingAndVerifying() throws Exception {
        Signer officer = newOfficer("matkhau");
        Path plain = Files.write(temp.resolve("plain.pdf"), onePagePdf());
        Path locked = temp.resolve("locked.pdf");
        assertThat(run("qpdf", "--encrypt", "mo-tep", "kyso-owner", "256", "--", plain.toString(), locked.toString()))
                .isZero();
        byte[] bytes = Files.readAllBytes(locked);

        HttpResponse<byte[]> sign = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN, "level", "B"), List.of(Map.entry("file", bytes))));
        HttpResponse<byte[]> extend = http().basic(officer.username(), USER_PASSWORD).postMultipartBytes(
                "/api/v1/extensions", "file", "locked.pdf", bytes, Map.of("level", "LT"));
        HttpResponse<String> verify = http().postMultipart("/api/v1/verifications", "file", "locked.pdf", bytes,
                Map.of());

        for (String body : List.of(text(sign), text(extend), verify.body())) {
            assertThat(body).contains("ENCRYPTED_PDF").doesNotContain("Exception");
        }
        assertThat(List.of(sign.statusCode(), extend.statusCode(), verify.statusCode())).containsOnly(422);
    }

    private static void assertTotalPassed(byte[] pdf, CertificateToken root, SignatureLevel level) {
        SimpleReport report = DssReports.validate(new InMemoryDocument(pdf), root);
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as(report.getAdESValidationErrors(id).stream().map(m -> m.getValue())
                .toList().toString() + report.getSubIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(level);
    }
}
