package vn.kyso.server.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.server.TestHttp;
import vn.kyso.server.security.Role;
import vn.kyso.server.signing.SigningTestSupport;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;

/** {@code POST /api/v1/extensions}: a B-B document comes back at B-LTA; what cannot be extended is a 4xx. */
class ExtensionApiTest extends SigningTestSupport {

    @Autowired
    PdfVerifier verifier;

    @TempDir
    Path folder;

    @Test
    void aBbDocumentComesBackAtBltaAndQpdfAcceptsIt() throws Exception {
        Signer officer = newOfficer("mo-rong");
        HttpResponse<byte[]> signed = http().basic(officer.username(), USER_PASSWORD).postMultipartBytes(
                "/api/v1/signatures", "file", "cv.pdf", onePagePdf(), Map.of("pin", PIN, "level", "B"));
        assertThat(signed.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> extended = http().basic(officer.username(), USER_PASSWORD).postMultipartBytes(
                "/api/v1/extensions", "file", "cv.pdf", signed.body(), Map.of("level", "LTA"));

        assertThat(extended.statusCode()).as(new String(extended.body())).isEqualTo(200);
        SignatureReport report = verifier.verify(extended.body()).signatures().get(0);
        assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(report.level()).isEqualTo(PadesLevel.B_LTA);
        Path file = Files.write(folder.resolve("extended.pdf"), extended.body());
        Process qpdf = new ProcessBuilder("qpdf", "--check", file.toString()).redirectErrorStream(true).start();
        qpdf.getInputStream().readAllBytes();
        assertThat(qpdf.waitFor()).isZero();
    }

    @Test
    void anUnsignedPdfOrANonPdfIsA400AndAnAuditorMayNotExtend() {
        HttpResponse<String> unsigned = http().basic(officer(), USER_PASSWORD).postMultipart("/api/v1/extensions",
                "file", "a.pdf", onePagePdf(), Map.of());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(unsigned).get("code").asString()).isEqualTo("INVALID_REQUEST");
        HttpResponse<String> notPdf = http().basic(officer(), USER_PASSWORD).postMultipart("/api/v1/extensions",
                "file", "a.pdf", "hello".getBytes(), Map.of("level", "LT"));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        HttpResponse<String> badLevel = http().basic(officer(), USER_PASSWORD).postMultipart("/api/v1/extensions",
                "file", "a.pdf", onePagePdf(), Map.of("level", "B"));
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(http().basic(account("ext-auditor", Role.AUDITOR), USER_PASSWORD).postMultipart(
                "/api/v1/extensions", "file", "a.pdf", onePagePdf(), Map.of()).statusCode()).isEqualTo(403);
    }
}
