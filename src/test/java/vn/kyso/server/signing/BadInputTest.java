package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.RevocationReason;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.Certification;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPki;

/**
 * Every bad input of issue 5 ("Limits and bad input"), through the API and the console page: a
 * 4xx problem with its code, a clear message in the page, and nothing stored: no signature
 * counted for the certificate, no successful signing event.
 */
class BadInputTest extends SigningTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void eachBadInputIsAClearProblemAndAMessageAndStoresNothing() throws Exception {
        Signer officer = newOfficer("xau");
        Signer other = newOfficer("khac");
        Signer revoked = newOfficer("thuhoi");
        ca.revoke("test", new BigInteger(revoked.serial(), 16), RevocationReason.KEY_COMPROMISE);
        Signer suspended = newOfficer("tamdung");
        ca.suspend("test", new BigInteger(suspended.serial(), 16));
        int mark = events().size();

        refused(officer, Map.of("pin", PIN), "this is not a PDF".getBytes(StandardCharsets.UTF_8), 400, "NOT_A_PDF");
        refused(officer, Map.of("pin", PIN), encrypted(), 422, "ENCRYPTED_PDF");
        refused(officer, Map.of("pin", PIN), certifiedNoChanges(), 422, "CERTIFICATION_FORBIDS_CHANGES");
        refused(officer, Map.of("pin", "000001"), onePagePdf(), 422, "WRONG_PIN");
        refused(officer, Map.of("pin", PIN, "certificate", other.serial()), onePagePdf(), 403, "NOT_YOUR_CERTIFICATE");
        refused(revoked, Map.of("pin", PIN, "certificate", revoked.serial()), onePagePdf(), 422, "CERTIFICATE_REVOKED");
        refused(suspended, Map.of("pin", PIN, "certificate", suspended.serial()), onePagePdf(), 422,
                "CERTIFICATE_SUSPENDED");

        // over the upload limit (1MB in the tests): refused before the body is read
        byte[] big = new byte[1024 * 1024 + 300_000];
        HttpResponse<byte[]> api = post(officer.username(), "/api/v1/signatures?lang=en",
                multipart(Map.of("pin", PIN), List.of(Map.entry("file", big))));
        assertThat(SignatureApiTest.problem(api, 413).get("code").asString()).isEqualTo("UPLOAD_TOO_LARGE");
        HttpResponse<byte[]> page = page(officer, Map.of("pin", PIN), big);
        assertThat(page.statusCode()).isEqualTo(413);
        // the browser gets a page with the message (refused before the console sees the request)
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html(page)).contains("id=\"problem-detail\"").contains(messages.getMessage(
                "problem.http.UPLOAD_TOO_LARGE", new Object[] {"1 MB"}, Locale.ENGLISH));

        for (Signer signer : List.of(officer, other, revoked, suspended)) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM usage_event e JOIN usage_certificate c ON c.id = e.certificate_id "
                    + "WHERE c.serial = ? AND e.event_type = 'SIGNED'").param(new BigInteger(signer.serial(), 16).toString(16))
                    .query(Long.class).single()).as("signatures counted for " + signer.username()).isZero();
        }
        List<Object> since = events().subList(mark, events().size());
        assertThat(since).filteredOn(DocumentSigned.class::isInstance).map(DocumentSigned.class::cast)
                .allMatch(e -> e.outcome() == DocumentSigned.Outcome.FAILED);
    }

    /** The API answers the problem; the console page (English) shows its message; the PIN is in neither. */
    private void refused(Signer signer, Map<String, String> fields, byte[] pdf, int status, String code) {
        HttpResponse<byte[]> api = post(signer.username(), "/api/v1/signatures?lang=en",
                multipart(fields, List.of(Map.entry("file", pdf))));
        JsonNode problem = SignatureApiTest.problem(api, status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(text(api)).doesNotContain(fields.get("pin"));

        HttpResponse<byte[]> page = page(signer, fields, pdf);
        assertThat(page.statusCode()).as(code + " on the page").isEqualTo(200);
        String expected = code.equals("WRONG_PIN") ? "Wrong PIN" : message("problem.signing." + code);
        assertThat(html(page)).as(code + " on the page").contains(expected).doesNotContain(fields.get("pin"));
    }

    private HttpResponse<byte[]> page(Signer signer, Map<String, String> fields, byte[] pdf) {
        TestHttp browser = http().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        browser.login(signer.username(), USER_PASSWORD);
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("_csrf", browser.csrfToken("/sign"));
        Multipart body = multipart(form, List.of(Map.entry("file", pdf)));
        return browser.postBytes("/sign?lang=en", body.contentType(), body.body());
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    private static String html(HttpResponse<byte[]> page) {
        return HtmlUtils.htmlUnescape(new String(page.body(), StandardCharsets.UTF_8));
    }

    private static byte[] encrypted() throws Exception {
        try (PDDocument document = Loader.loadPDF(onePagePdf())) {
            document.protect(new StandardProtectionPolicy("owner-x", "user-x", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] certifiedNoChanges() throws Exception {
        TestPki pki = TestPki.create();
        var author = pki.signer("Tác giả", TestPki.KeyType.EC_P256);
        ByteArrayOutputStream certified = new ByteArrayOutputStream();
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(author.privateKey(), author.chain()),
                PadesLevel.B_B).certification(Certification.NO_CHANGES).build(), onePagePdf(), certified);
        return certified.toByteArray();
    }
}
