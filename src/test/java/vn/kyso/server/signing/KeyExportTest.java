package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.KeyExport;
import vn.kyso.server.TestHttp;
import vn.kyso.server.ca.Peer;

/**
 * The owner's one PKCS#12 export of a custody key, over the API and the console: openssl opens
 * the file and finds the certificate's own key; everyone else, a second export, a key the policy
 * keeps in custody and wrong PINs are refused as the API documents, and the audit log keeps the
 * export without a secret.
 */
class KeyExportTest extends SigningTestSupport {

    private static final String EXPORT_PASSWORD = "Tep-khoa-Xuat-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theOwnerExportsOnceAFileOpensslOpensWithTheCertificatesOwnKey() throws IOException {
        Signer officer = newOfficer("xuatkhoa", true);
        long mark = lastAuditSeq();

        HttpResponse<byte[]> export = export(officer.username(), officer.serial(), PIN);

        assertThat(export.statusCode()).as(text(export)).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).contains("application/x-pkcs12");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(officer.serial() + ".p12");
        assertThat(export.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertKeyOfCertificate(export.body(), officer.serial());

        HttpResponse<byte[]> again = export(officer.username(), officer.serial(), PIN);
        assertThat(problem(again, 409).get("code").asString()).isEqualTo("ALREADY_EXPORTED");
        assertThat(ca.keyExport(new BigInteger(officer.serial(), 16))).isEqualTo(KeyExport.DONE);

        HttpResponse<String> log = http().basic("admin", ADMIN_PASSWORD)
                .get("/api/v1/audit?after=" + mark + "&limit=1000");
        List<JsonNode> entries = TestHttp.json(log).valueStream()
                .filter(e -> e.get("target").asString().equals(officer.serial())).toList();
        assertThat(entries).extracting(e -> e.get("actor").asString() + " " + e.get("action").asString())
                .containsExactly(officer.username() + " KEY_EXPORTED", officer.username() + " KEY_EXPORT_REFUSED");
        // hashes are left out: six random digits may turn up in a hex hash by chance
        assertThat(entries).extracting(e -> e.get("actor").asString() + e.get("target").asString()
                + e.get("details").asString()).noneMatch(fields -> fields.contains(PIN))
                .noneMatch(fields -> fields.contains(EXPORT_PASSWORD));
        assertThat(log.body()).doesNotContain(EXPORT_PASSWORD);
        assertAuditChainIntact();
    }

    @Test
    void wrongPinsCountTowardTheSameLockAsSigning() {
        Signer officer = newOfficer("saipin", true);

        JsonNode first = problem(export(officer.username(), officer.serial(), "999999"), 422);
        assertThat(first.get("code").asString()).isEqualTo("WRONG_PIN");
        assertThat(first.get("attemptsLeft").asInt()).isEqualTo(4);
        HttpResponse<byte[]> signing = post(officer.username(), "/api/v1/signatures",
                multipart(Map.of("pin", "999999"), List.of(Map.entry("file", onePagePdf()))));
        assertThat(problem(signing, 422).get("attemptsLeft").asInt()).as("one counter for both").isEqualTo(3);
        for (int left = 2; left >= 1; left--) {
            assertThat(problem(export(officer.username(), officer.serial(), "999999"), 422).get("attemptsLeft").asInt())
                    .isEqualTo(left);
        }

        assertThat(problem(export(officer.username(), officer.serial(), "999999"), 423).get("code").asString())
                .isEqualTo("KEY_LOCKED");
        assertThat(problem(export(officer.username(), officer.serial(), PIN), 423).get("code").asString())
                .isEqualTo("KEY_LOCKED");
        assertThat(ca.keyExport(new BigInteger(officer.serial(), 16))).isEqualTo(KeyExport.AVAILABLE);
    }

    @Test
    void anotherOfficerAndAnAdminCannotExportAndTheKeyIsUntouched() {
        Signer owner = newOfficer("chukhoa", true);
        Signer other = newOfficer("nguoikhac", true);
        long mark = lastAuditSeq();

        HttpResponse<byte[]> byOther = export(other.username(), owner.serial(), PIN);
        HttpResponse<byte[]> byAdmin = http().basic("admin", ADMIN_PASSWORD).postBytes(
                "/api/v1/certificates/" + owner.serial() + "/pkcs12", "application/json", body(PIN));

        assertThat(problem(byOther, 403).get("code").asString()).isEqualTo("NOT_YOUR_CERTIFICATE");
        assertThat(byAdmin.statusCode()).isEqualTo(403);
        BigInteger serial = new BigInteger(owner.serial(), 16);
        assertThat(ca.keyExport(serial)).isEqualTo(KeyExport.AVAILABLE);
        assertThat(ca.auditLog(mark, 1000)).filteredOn(e -> e.target().equals(owner.serial())).isEmpty();
        assertThat(export(owner.username(), owner.serial(), PIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyThePolicyKeepsInCustodyIsRefusedBeforeThePinIsTried() {
        Signer officer = newOfficer("giukhoa", false);
        BigInteger serial = new BigInteger(officer.serial(), 16);

        for (String pin : new String[] {"999999", "999999", "999999", "999999", "999999", PIN}) {
            HttpResponse<byte[]> refused = export(officer.username(), officer.serial(), pin);
            assertThat(problem(refused, 409).get("code").asString()).isEqualTo("EXPORT_NOT_ALLOWED");
        }

        assertThat(ca.isKeyLocked(serial)).as("five wrong PINs were not counted").isFalse();
        assertThat(ca.keyExport(serial)).isEqualTo(KeyExport.NOT_ALLOWED);
        String used = ca.withCustodyKey("test", serial, PIN.toCharArray(), key -> "still usable");
        assertThat(used).isEqualTo("still usable");
    }

    @Test
    void anUnknownSerialIs404AndACertificateWithoutCustodyKeyIs409() throws IOException {
        Signer officer = newOfficer("khongluu", true);
        Peer.run(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "own.key", "-subj", "/CN=ignored", "-outform", "DER", "-out", "req.der").ok();
        String own = ca.issueFromCsr("test", new CsrIssueRequest(officer.subscriberId(), "personal",
                Files.readAllBytes(dir.resolve("req.der")))).serialHex();

        assertThat(problem(export(officer.username(), "7fffffffffffffff01", PIN), 404).get("code").asString())
                .isEqualTo("UNKNOWN_CERTIFICATE");
        assertThat(problem(export(officer.username(), own, PIN), 409).get("code").asString())
                .isEqualTo("NO_CUSTODY_KEY");
    }

    @Test
    void theOwnerExportsFromTheConsoleKeysPageInEitherLanguage() throws IOException {
        Signer officer = newOfficer("giaodien", true);
        TestHttp browser = http();
        browser.login(officer.username(), USER_PASSWORD);
        assertThat(browser.get("/sign/keys").body()).contains(officer.serial(), "Có thể xuất khóa này một lần.");
        String csrf = browser.csrfToken("/sign/keys");
        String action = "/sign/keys/" + officer.serial() + "/pkcs12";

        HttpResponse<byte[]> mismatch = postForm(browser, action, csrf, PIN, EXPORT_PASSWORD,
                "Khac-" + EXPORT_PASSWORD);
        assertThat(text(mismatch)).contains("Hai lần nhập mật khẩu bảo vệ tệp không khớp nhau.");
        HttpResponse<byte[]> wrong = postForm(browser, action, csrf, "999999", EXPORT_PASSWORD, EXPORT_PASSWORD);
        assertThat(text(wrong)).contains("Mã PIN không đúng. Còn 4 lần thử").doesNotContain("999999");
        HttpResponse<byte[]> export = postForm(browser, action, csrf, PIN, EXPORT_PASSWORD, EXPORT_PASSWORD);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).contains("application/x-pkcs12");
        assertKeyOfCertificate(export.body(), officer.serial());
        assertThat(browser.get("/sign/keys?lang=en").body()).contains("This key was exported once already");
        assertThat(text(postForm(browser, action, csrf, PIN, EXPORT_PASSWORD, EXPORT_PASSWORD)))
                .contains("This key was exported to a PKCS#12 file once already");
    }

    @Test
    void theExportIsDescribedInTheOpenApiWithItsFileType() {
        JsonNode operation = TestHttp.json(http().get("/v3/api-docs"))
                .at("/paths/~1api~1v1~1certificates~1{serial}~1pkcs12/post");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.at("/responses/200/content").has("application/x-pkcs12")).isTrue();
        assertThat(operation.get("description").asString()).contains("ALREADY_EXPORTED", "EXPORT_NOT_ALLOWED");
    }

    /** openssl opens the file with the export password; its key's public half is the certificate's. */
    private void assertKeyOfCertificate(byte[] pkcs12, String serialHex) throws IOException {
        Files.write(dir.resolve("key.p12"), pkcs12);
        String pass = "pass:" + EXPORT_PASSWORD;
        Peer info = Peer.run(dir, "openssl", "pkcs12", "-info", "-nokeys", "-in", "key.p12", "-passin", pass).ok();
        assertThat(info.output()).contains("BEGIN CERTIFICATE");
        Peer.run(dir, "openssl", "pkcs12", "-in", "key.p12", "-passin", pass, "-nocerts", "-nodes", "-out", "key.pem")
                .ok();
        Peer.run(dir, "openssl", "pkcs12", "-in", "key.p12", "-passin", pass, "-clcerts", "-nokeys", "-out", "cert.pem")
                .ok();
        String serial = Peer.run(dir, "openssl", "x509", "-in", "cert.pem", "-noout", "-serial").ok().output().strip();
        assertThat(new BigInteger(serial.substring(serial.indexOf('=') + 1), 16))
                .isEqualTo(new BigInteger(serialHex, 16));
        String fromKey = Peer.run(dir, "openssl", "pkey", "-in", "key.pem", "-pubout").ok().output();
        String fromCertificate = Peer.run(dir, "openssl", "x509", "-in", "cert.pem", "-noout", "-pubkey").ok().output();
        assertThat(fromKey).contains("BEGIN PUBLIC KEY").isEqualTo(fromCertificate);
    }

    private HttpResponse<byte[]> export(String username, String serial, String pin) {
        return http().basic(username, USER_PASSWORD).postBytes("/api/v1/certificates/" + serial + "/pkcs12",
                "application/json", body(pin));
    }

    private static byte[] body(String pin) {
        return ("{\"pin\":\"" + pin + "\",\"exportPassword\":\"" + EXPORT_PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A console form post whose answer may be a file. */
    private static HttpResponse<byte[]> postForm(TestHttp browser, String path, String csrf, String pin,
            String password, String confirmation) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("pin", pin);
        fields.put("exportPassword", password);
        fields.put("confirmPassword", confirmation);
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.postBytes(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }
}
