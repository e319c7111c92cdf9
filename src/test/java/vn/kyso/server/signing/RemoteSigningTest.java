package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.ca.AuditEntry;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;

/**
 * Issue 15, item 2's last clause: the two-step API and the console sign with a key on a
 * remote-signing service (CSC API v2). The service here is this server's own {@code /csc/v2},
 * called over real HTTP as any other would be (configured as {@code kyso} in KysoServerTest): the
 * officer signs in to it with its account there, and its PIN goes to it for the very hashes kyso
 * prepared. Results are checked by kyso's verifier, pdfsig and qpdf.
 */
class RemoteSigningTest extends SigningTestSupport {

    @Autowired
    PdfVerifier verifier;

    @TempDir
    Path dir;

    private static Map<String, String> remote(Signer officer, String pin) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("remoteService", "kyso");
        fields.put("credential", officer.serial());
        fields.put("remoteUser", officer.username());
        fields.put("remotePassword", USER_PASSWORD);
        if (pin != null) {
            fields.put("pin", pin);
        }
        return fields;
    }

    private void assertSignedBy(byte[] pdf, Signer officer, PadesLevel level) throws Exception {
        SignatureReport report = verifier.verify(pdf).signatures().get(0);
        assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(report.certificateSerial()).isEqualTo(officer.serial());
        assertThat(report.level()).isEqualTo(level);
        Path file = Files.write(Files.createTempFile(dir, "remote-", ".pdf"), pdf);
        assertThat(run("qpdf", "--check", file.toString())).isZero();
        assertThat(output("pdfsig", file.toString())).contains("Signature is Valid");
    }

    private static List<byte[]> unzip(byte[] zip) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void theApiSignsSeveralDocumentsWithARemoteKeyUnderOnePinEntry() throws Exception {
        Signer officer = newOfficer("remotebatch");
        long mark = lastAuditSeq();
        int before = events().size();
        Map<String, String> fields = remote(officer, PIN);
        fields.put("level", "LT");

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures/remote",
                multipart(fields, List.of(Map.entry("file", onePagePdf()), Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        List<byte[]> signed = unzip(response.body());
        assertThat(signed).hasSize(2);
        for (byte[] pdf : signed) {
            assertSignedBy(pdf, officer, PadesLevel.B_LT);
        }
        List<String> actions = ca.auditLog(mark, 200).stream().map(AuditEntry::action).toList();
        assertThat(actions.stream().filter("CSC_SIGN_HASH"::equals)).hasSize(1); // both hashes, one PIN entry
        // the remote service's usage event and kyso's own carry the same signature identity: one use each
        List<DocumentSigned> signedEvents = events().subList(before, events().size()).stream()
                .filter(DocumentSigned.class::isInstance).map(DocumentSigned.class::cast)
                .filter(e -> e.outcome() == DocumentSigned.Outcome.SIGNED).toList();
        assertThat(signedEvents).hasSize(4);
        assertThat(signedEvents.stream().map(DocumentSigned::signatureId).distinct()).hasSize(2).doesNotContainNull();
    }

    @Test
    void twoStepPrepareNamesTheRemoteKeyAndCompleteTakesItsPin() throws Exception {
        Signer officer = newOfficer("remotestep");
        Map<String, String> fields = remote(officer, null);
        fields.put("level", "B");
        HttpResponse<byte[]> prepared = post(officer.username(), "/api/v1/signatures/prepare",
                multipart(fields, List.of(Map.entry("file", onePagePdf()))));
        assertThat(prepared.statusCode()).as(text(prepared)).isEqualTo(200);
        JsonNode handle = JsonMapper.builder().build().readTree(text(prepared)).get("handle");
        assertThat(handle).isNotNull();

        HttpResponse<byte[]> wrong = post(officer.username(), "/api/v1/signatures/complete?lang=en",
                multipart(Map.of("handle", handle.asString(), "pin", "000000"), List.of()));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(text(wrong)).contains("refused credentials/authorize").doesNotContain("000000", USER_PASSWORD);

        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures/complete",
                multipart(Map.of("handle", handle.asString(), "pin", PIN), List.of()));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        assertSignedBy(signed.body(), officer, PadesLevel.B_B);

        HttpResponse<byte[]> again = post(officer.username(), "/api/v1/signatures/complete",
                multipart(Map.of("handle", handle.asString(), "pin", PIN), List.of()));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aHandleForASignatureValueIsNotCompletedWithAPinNorTheOtherWayRound() {
        Signer officer = newOfficer("remotemix");
        HttpResponse<byte[]> both = post(officer.username(), "/api/v1/signatures/prepare?lang=en",
                multipart(Map.of("remoteService", "kyso", "certificateChain", "-----BEGIN CERTIFICATE-----"),
                        List.of(Map.entry("file", onePagePdf()))));
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(text(both)).contains("certificateChain | remoteService");

        HttpResponse<byte[]> neither = post(officer.username(), "/api/v1/signatures/complete?lang=en",
                multipart(Map.of("handle", "x"), List.of()));
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(text(neither)).contains("signature | pin");
    }

    @Test
    void onlyConfiguredServicesAreCalledNeverAnAddressFromTheRequest() {
        Signer officer = newOfficer("remotessrf");
        HttpResponse<String> listed = http().basic(officer.username(), USER_PASSWORD)
                .get("/api/v1/signatures/remote-services");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"kyso\"").contains("/csc/v2");

        for (String service : List.of("other", "http://169.254.169.254/latest", "127.0.0.1:22")) {
            Map<String, String> fields = remote(officer, PIN);
            fields.put("remoteService", service);
            HttpResponse<byte[]> refused = post(officer.username(), "/api/v1/signatures/remote?lang=en",
                    multipart(fields, List.of(Map.entry("file", onePagePdf()))));
            assertThat(refused.statusCode()).as(service).isEqualTo(400);
            assertThat(text(refused)).contains("No such remote-signing service").contains("kyso");
        }
    }

    @Test
    void signInMistakesAreClearRefusalsWithoutSecrets() {
        Signer officer = newOfficer("remotelogin");
        Map<String, String> both = remote(officer, PIN);
        both.put("remoteToken", "abc");
        HttpResponse<byte[]> twoWays = post(officer.username(), "/api/v1/signatures/remote?lang=en",
                multipart(both, List.of(Map.entry("file", onePagePdf()))));
        assertThat(twoWays.statusCode()).isEqualTo(400);
        assertThat(text(twoWays)).contains("exactly one");

        Map<String, String> badPassword = remote(officer, PIN);
        badPassword.put("remotePassword", "Sai-mat-khau-2026");
        HttpResponse<byte[]> refused = post(officer.username(), "/api/v1/signatures/remote?lang=en",
                multipart(badPassword, List.of(Map.entry("file", onePagePdf()))));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(text(refused)).contains("refused auth/login").doesNotContain("Sai-mat-khau-2026", PIN);
    }

    @Test
    void anotherOfficersRemoteKeyIssuedByKysoCannotSignInYourName() {
        Signer owner = newOfficer("remoteowner");
        Signer other = newOfficer("remoteother");
        // "other" knows the owner's password and PIN on the remote service: kyso still refuses to
        // put the owner's certificate, which kyso issued, on a document "other" signs
        HttpResponse<byte[]> response = post(other.username(), "/api/v1/signatures/remote",
                multipart(remote(owner, PIN), List.of(Map.entry("file", onePagePdf()))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ca.auditLog(0, 100_000).stream()
                .filter(e -> "CSC_SIGN_HASH".equals(e.action()) && owner.serial().equals(e.target()))).isEmpty();
    }

    @Test
    void theConsoleSignsWithARemoteKeyAndKeepsNoPasswordInThePage() throws Exception {
        Signer officer = newOfficer("remoteweb");
        TestHttp browser = http();
        assertThat(browser.login(officer.username(), USER_PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("/sign");
        assertThat(page.body()).contains("name=\"remoteService\"").contains("value=\"kyso\"")
                .contains("name=\"remotePassword\"");
        String csrf = browser.csrfToken("/sign");

        Map<String, String> wrong = remote(officer, "111111");
        wrong.put("_csrf", csrf);
        Multipart bad = multipart(wrong, List.of(Map.entry("file", onePagePdf())));
        HttpResponse<byte[]> refused = browser.postBytes("/sign", bad.contentType(), bad.body());
        assertThat(refused.statusCode()).isEqualTo(200); // the page again, with the service's refusal in it
        assertThat(text(refused)).contains("credentials/authorize").contains(officer.serial())
                .doesNotContain(USER_PASSWORD, "111111");

        Map<String, String> fields = remote(officer, PIN);
        fields.put("_csrf", csrf);
        fields.put("level", "B");
        Multipart form = multipart(fields, List.of(Map.entry("file", onePagePdf())));
        HttpResponse<byte[]> signed = browser.postBytes("/sign", form.contentType(), form.body());
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertSignedBy(signed.body(), officer, PadesLevel.B_B);
    }

    @Test
    void theConsoleRefusesTheClerksStepsWithARemoteKey() {
        Signer officer = newOfficer("remoteclerk");
        TestHttp browser = http();
        browser.login(officer.username(), USER_PASSWORD);
        String csrf = browser.csrfToken("/sign");
        Map<String, String> fields = remote(officer, PIN);
        fields.put("_csrf", csrf);
        fields.put("step", "ISSUE");
        Multipart form = multipart(fields, List.of(Map.entry("file", onePagePdf())));
        HttpResponse<byte[]> response = browser.header("Kyso-Script", "1").postBytes("/sign?lang=en",
                form.contentType(), form.body());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(text(response)).contains("step");
    }
}
