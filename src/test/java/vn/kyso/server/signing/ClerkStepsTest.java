package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.ca.CertificateRecord;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.Pdfsig;

class ClerkStepsTest extends SigningTestSupport {

    @Autowired
    PdfVerifier verifier;

    @TempDir
    Path temp;

    @Test
    void clerkIssuesWithTheAgencySealOverTheLeadersSignatureAndBothVerify() throws Exception {
        Signer leader = newOfficer("lanhdao");
        byte[] approved = signedByLeader(leader);
        CertificateRecord agency = newAgencyCertificate();
        String clerk = newClerk();
        assertThat(put("admin", ADMIN_PASSWORD, "/api/v1/certificates/" + agency.serialHex() + "/clerks/" + clerk, null))
                .isEqualTo(204);
        assertThat(put("admin", ADMIN_PASSWORD, "/api/v1/certificates/" + agency.serialHex() + "/seal",
                multipart(Map.of("diameterMm", "36"), List.of(Map.entry("image", png(Color.RED)))))).isEqualTo(204);

        HttpResponse<byte[]> issued = post(clerk, "/api/v1/signatures/issue", multipart(
                Map.of("pin", PIN, "certificate", agency.serialHex(), "documentNumber", "125/QĐ-UBND",
                        "documentDate", "2026-11-27"),
                List.of(Map.entry("file", approved))));

        assertThat(issued.statusCode()).as(text(issued)).isEqualTo(200);
        VerificationReport report = verifier.verify(issued.body());
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures()).allSatisfy(s ->
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID));
        SignatureReport seal = report.signatures().get(1);
        assertThat(seal.certificateSerial()).isEqualTo(agency.serialHex());
        List<Pdfsig.Result> pdfsig = Pdfsig.trusting(temp, ca.rootCertificate())
                .check(Files.write(temp.resolve("issued.pdf"), issued.body()));
        assertThat(pdfsig).hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void issuingADocumentWithoutAValidPersonalSignatureIsRefused() {
        CertificateRecord agency = newAgencyCertificate();
        String clerk = newClerk();
        put("admin", ADMIN_PASSWORD, "/api/v1/certificates/" + agency.serialHex() + "/clerks/" + clerk, null);

        HttpResponse<byte[]> response = post(clerk, "/api/v1/signatures/issue", multipart(
                Map.of("pin", PIN, "certificate", agency.serialHex(), "documentNumber", "7/UBND"),
                List.of(Map.entry("file", onePagePdf()))));

        assertThat(SignatureApiTest.problem(response, 422).get("code").asString())
                .isEqualTo("NO_VALID_PERSONAL_SIGNATURE");
    }

    @Test
    void onlyNamedClerksMayUseTheAgencyCertificate() {
        Signer officer = newOfficer("khongphaivanthu");
        CertificateRecord agency = newAgencyCertificate();

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures/appendix", multipart(
                Map.of("pin", PIN, "certificate", agency.serialHex(), "documentNumber", "12/KH-UBND"),
                List.of(Map.entry("file", onePagePdf()))));

        assertThat(SignatureApiTest.problem(response, 403).get("code").asString()).isEqualTo("NOT_A_CLERK");
    }

    @Test
    void clerkSignsAnAppendixAndACopyWithTextStamps() {
        CertificateRecord agency = newAgencyCertificate();
        String clerk = newClerk();
        put("admin", ADMIN_PASSWORD, "/api/v1/certificates/" + agency.serialHex() + "/clerks/" + clerk, null);

        HttpResponse<byte[]> appendix = post(clerk, "/api/v1/signatures/appendix", multipart(
                Map.of("pin", PIN, "documentNumber", "12/KH-UBND"), List.of(Map.entry("file", onePagePdf()))));
        HttpResponse<byte[]> copy = post(clerk, "/api/v1/signatures/copy", multipart(
                Map.of("pin", PIN, "copyKind", "SAO_Y"), List.of(Map.entry("file", onePagePdf()))));

        assertThat(appendix.statusCode()).as(text(appendix)).isEqualTo(200);
        assertThat(copy.statusCode()).as(text(copy)).isEqualTo(200);
        assertThat(verifier.verify(appendix.body()).allValid()).isTrue();
        assertThat(verifier.verify(copy.body()).allValid()).isTrue();
    }

    @Test
    void onlyAnAdminNamesClerks() {
        CertificateRecord agency = newAgencyCertificate();
        Signer officer = newOfficer("tuphong");
        assertThat(put(officer.username(), USER_PASSWORD,
                "/api/v1/certificates/" + agency.serialHex() + "/clerks/" + officer.username(), null)).isEqualTo(403);
    }

    private byte[] signedByLeader(Signer leader) {
        HttpResponse<byte[]> response = post(leader.username(), "/api/v1/signatures", multipart(
                Map.of("pin", PIN, "page", "1", "x", "110", "y", "50", "width", "50", "height", "25"),
                List.of(Map.entry("file", onePagePdf()), Map.entry("image", png(Color.BLUE)))));
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return response.body();
    }
}
