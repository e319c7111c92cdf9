package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.ca.RevocationReason;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.Pdfsig;

class SignatureApiTest extends SigningTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PdfVerifier verifier;

    @TempDir
    Path temp;

    @Test
    void officerSignsWithPinAndGetsAPdfValidAtBltThatPdfsigAccepts() throws IOException {
        Signer officer = newOfficer("ky");
        int before = events().size();

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("-signed.pdf");
        VerificationReport report = verifier.verify(response.body());
        assertThat(report.signatures()).hasSize(1);
        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.indication()).as(signature.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
        assertThat(signature.certificateSerial()).isEqualTo(officer.serial());
        assertThat(signature.timestampTime()).isNotNull();

        Path signed = Files.write(temp.resolve("signed.pdf"), response.body());
        List<Pdfsig.Result> pdfsig = Pdfsig.trusting(temp, ca.rootCertificate()).check(signed);
        assertThat(pdfsig).hasSize(1);
        assertThat(pdfsig.get(0).signatureValid()).isTrue();
        assertThat(pdfsig.get(0).certificateTrusted()).isTrue();

        List<DocumentSigned> published = signedEventsSince(before);
        assertThat(published).hasSize(1);
        DocumentSigned event = published.get(0);
        assertThat(event.outcome()).isEqualTo(DocumentSigned.Outcome.SIGNED);
        assertThat(event.certificateSerial()).isEqualTo(officer.serial());
        assertThat(event.channel()).isEqualTo(DocumentSigned.Channel.API);
        assertThat(event.level()).isEqualTo(PadesLevel.B_LT);
        assertThat(event.documentSha256()).isEqualTo(DocumentSigning.sha256(response.body()));
        assertThat(event.signatureField()).isEqualTo(signature.field());
    }

    @Test
    void visibleSignatureAtAnAreaWithTheStoredImageAndLevelB() {
        Signer officer = newOfficer("hien");
        assertThat(put(officer.username(), USER_PASSWORD, "/api/v1/signatures/image",
                multipart(Map.of(), List.of(Map.entry("image", png(java.awt.Color.BLUE)))))).isEqualTo(204);

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", PIN,
                "certificate", officer.serial(), "level", "B", "page", "1", "x", "120", "y", "40"),
                List.of(Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        SignatureReport signature = verifier.verify(response.body()).signatures().get(0);
        assertThat(signature.indication()).isEqualTo(Indication.VALID);
        assertThat(signature.level()).isEqualTo(PadesLevel.B_B);
    }

    @Test
    void batchSignsEveryFileIntoAZip() throws IOException {
        Signer officer = newOfficer("lo");
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures/batch", multipart(
                Map.of("pin", PIN, "level", "T"),
                List.of(Map.entry("file", onePagePdf()), Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            while (zip.getNextEntry() != null) {
                VerificationReport report = verifier.verify(zip.readAllBytes());
                assertThat(report.allValid()).isTrue();
                assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_T);
                entries++;
            }
        }
        assertThat(entries).isEqualTo(2);
    }

    @Test
    void wrongPinIsA422ProblemWithTheAttemptsLeftAndAFailedEvent() {
        Signer officer = newOfficer("sai");
        int before = events().size();

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", "999999"), List.of(Map.entry("file", onePagePdf()))));

        JsonNode problem = problem(response, 422);
        assertThat(problem.get("code").asString()).isEqualTo("WRONG_PIN");
        assertThat(problem.get("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(problem.get("detail").asString()).contains("Mã PIN không đúng").contains("4");
        assertThat(text(response)).doesNotContain("999999");
        List<DocumentSigned> published = signedEventsSince(before);
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(DocumentSigned.Outcome.FAILED);
            assertThat(e.failure()).isEqualTo("WRONG_PIN");
            assertThat(e.certificateSerial()).isEqualTo(officer.serial());
        });
    }

    @Test
    void lockedKeyIsA423Problem() {
        Signer officer = newOfficer("khoa");
        for (int i = 0; i < 5; i++) {
            post(officer.username(), "/api/v1/signatures",
                    multipart(Map.of("pin", "000000"), List.of(Map.entry("file", onePagePdf()))));
        }
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(response, 423).get("code").asString()).isEqualTo("KEY_LOCKED");
    }

    @Test
    void someoneElsesCertificateIsA403Problem() {
        Signer officer = newOfficer("a");
        Signer other = newOfficer("b");
        int before = events().size();

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures", multipart(
                Map.of("pin", PIN, "certificate", other.serial()), List.of(Map.entry("file", onePagePdf()))));

        JsonNode problem = problem(response, 403);
        assertThat(problem.get("code").asString()).isEqualTo("NOT_YOUR_CERTIFICATE");
        assertThat(problem.get("detail").asString()).isEqualTo("Chứng thư số này không phải của bạn.");
        assertThat(ca.isKeyLocked(new BigInteger(other.serial(), 16))).isFalse();
        assertThat(signedEventsSince(before)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(DocumentSigned.Outcome.FAILED));
    }

    @Test
    void revokedAndSuspendedCertificatesAreRefusedWithA422Problem() {
        Signer revoked = newOfficer("thuhoi");
        ca.revoke("test", new BigInteger(revoked.serial(), 16), RevocationReason.KEY_COMPROMISE);
        HttpResponse<byte[]> response = post(revoked.username(), "/api/v1/signatures?lang=en", multipart(
                Map.of("pin", PIN, "certificate", revoked.serial()), List.of(Map.entry("file", onePagePdf()))));
        JsonNode problem = problem(response, 422);
        assertThat(problem.get("code").asString()).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(problem.get("title").asString()).isEqualTo("Unprocessable content");

        Signer suspended = newOfficer("tamdung");
        ca.suspend("test", new BigInteger(suspended.serial(), 16));
        response = post(suspended.username(), "/api/v1/signatures", multipart(
                Map.of("pin", PIN, "certificate", suspended.serial()), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(response, 422).get("code").asString()).isEqualTo("CERTIFICATE_SUSPENDED");
    }

    @Test
    void notAPdfIsA400Problem() {
        Signer officer = newOfficer("rac");
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures", multipart(Map.of("pin", PIN),
                List.of(Map.entry("file", "this is not a PDF".getBytes()))));
        assertThat(problem(response, 400).get("code").asString()).isEqualTo("NOT_A_PDF");
    }

    @Test
    void encryptedAndCertifiedNoChangesPdfsAreRefusedWithA422Problem() throws Exception {
        Signer officer = newOfficer("khoapdf");
        byte[] encrypted;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(onePagePdf())) {
            document.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-x", "user-x",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            encrypted = out.toByteArray();
        }
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", encrypted))));
        assertThat(problem(response, 422).get("code").asString()).isEqualTo("ENCRYPTED_PDF");

        vn.kyso.signing.testpki.TestPki pki = vn.kyso.signing.testpki.TestPki.create();
        var author = pki.signer("Tác giả", vn.kyso.signing.testpki.TestPki.KeyType.EC_P256);
        java.io.ByteArrayOutputStream certified = new java.io.ByteArrayOutputStream();
        vn.kyso.signing.PdfSigner.builder().build().sign(vn.kyso.signing.SignRequest.builder(
                vn.kyso.signing.key.InMemorySigningKey.of(author.privateKey(), author.chain()), PadesLevel.B_B)
                .certification(vn.kyso.signing.Certification.NO_CHANGES).build(), onePagePdf(), certified);
        response = post(officer.username(), "/api/v1/signatures?lang=en",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", certified.toByteArray()))));
        JsonNode problem = problem(response, 422);
        assertThat(problem.get("code").asString()).isEqualTo("CERTIFICATION_FORBIDS_CHANGES");
        assertThat(problem.get("detail").asString()).contains("certification");
    }

    @Test
    void tooLargeIsA413Problem() {
        Signer officer = newOfficer("lon");
        byte[] big = new byte[1024 * 1024 + 300_000]; // the tests' limit: 1MB
        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", big))));
        assertThat(problem(response, 413).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void anAuditorCannotSign() {
        HttpResponse<byte[]> response = post(auditor(), "/api/v1/signatures",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(response, 403).get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void officerListsOnlyOwnValidCertificates() {
        Signer officer = newOfficer("ds");
        newOfficer("khac");
        HttpResponse<String> response = http().basic(officer.username(), USER_PASSWORD).get("/api/v1/signatures/certificates");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("serial").asString()).isEqualTo(officer.serial());
        assertThat(list.get(0).get("kind").asString()).isEqualTo("PERSONAL");
    }

    static JsonNode problem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    static List<DocumentSigned> signedEventsSince(int mark) {
        List<Object> all = events();
        return all.subList(mark, all.size()).stream().filter(DocumentSigned.class::isInstance)
                .map(DocumentSigned.class::cast).toList();
    }
}
