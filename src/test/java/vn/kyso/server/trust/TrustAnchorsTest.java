package vn.kyso.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.server.trust.AnchoredDocuments.anchorOf;
import static vn.kyso.server.trust.AnchoredDocuments.pem;
import static vn.kyso.server.trust.AnchoredDocuments.signedUnder;
import static vn.kyso.server.trust.AnchoredDocuments.trustedUnder;
import static vn.kyso.server.trust.AnchoredDocuments.verifiedUntil;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;

/**
 * Trust anchors managed in the console and the API: a document signed under another CA (the
 * government CA in real life) verifies as trusted once its CA is added, names the anchor, and
 * stops being trusted when the anchor is disabled or retired; every change is audited.
 */
class TrustAnchorsTest extends KysoServerTest {

    static TestPkiServer otherCa;
    static byte[] signed;

    @TempDir
    static Path temp;

    @Autowired
    TrustAnchors anchors;

    @BeforeAll
    static void signUnderAnotherCa() throws Exception {
        otherCa = TestPkiServer.start();
        signed = signedUnder(otherCa, temp, "Nguyễn Văn Công Vụ");
    }

    @AfterAll
    static void stop() {
        otherCa.close();
    }

    @Test
    void aDocumentUnderAnAnchorAddedInTheConsoleIsTrustedNamesItAndIsNotOnceRetired() throws Exception {
        TestHttp browser = http();
        browser.header("Accept-Language", "en");
        assertThat(browser.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        String label = "CA chuyên dùng Chính phủ (thử)";
        assertThat(verifiedUntil(http(), signed, s -> true).get("subIndication").asString())
                .isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        long seq = lastAuditSeq();

        HttpResponse<String> added = browser.postMultipart("/admin/trust-anchors", "file", "gov.pem",
                pem(anchorOf(otherCa)).getBytes(StandardCharsets.US_ASCII), Map.of("_csrf",
                        browser.csrfToken("/admin/trust-anchors"), "label", label, "forSignatures", "true",
                        "forTimestamps", "true"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/trust-anchors").body()).contains("Trust anchor " + label + " added.");

        JsonNode trusted = verifiedUntil(http(), signed, s -> trustedUnder(s, label));
        assertThat(trusted.get("indication").asString()).as(trusted.toString()).isEqualTo("VALID");
        assertThat(trusted.get("trustAnchor").asString()).isEqualTo(label);
        TestHttp visitor = http().header("Accept-Language", "en");
        HttpResponse<String> portal = visitor.postMultipart("/verify", "file", "vb.pdf", signed,
                Map.of("_csrf", visitor.csrfToken("/verify")));
        long id = anchors.all().stream().filter(a -> a.label().equals(label)).findFirst().orElseThrow().id();

        // trusted for timestamps only: the signer's path may not end there
        HttpResponse<String> narrowed = http().basic("admin", ADMIN_PASSWORD).putJson("/api/v1/trust-anchors/" + id,
                "{\"forSignatures\":false}");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(verifiedUntil(http(), signed, s -> !"VALID".equals(s.get("indication").asString()))
                .get("subIndication").asString()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(browser.postForm("/admin/trust-anchors/" + id, Map.of("_csrf", browser.csrfToken("/admin/trust-anchors"),
                "label", label, "forSignatures", "true", "forTimestamps", "true", "enabled", "true")).statusCode())
                .isEqualTo(302);
        assertThat(trustedUnder(verifiedUntil(http(), signed, s -> trustedUnder(s, label)), label)).isTrue();

        HttpResponse<String> retired = browser.postForm("/admin/trust-anchors/" + id + "/retire",
                Map.of("_csrf", browser.csrfToken("/admin/trust-anchors")));
        assertThat(retired.statusCode()).isEqualTo(302);
        JsonNode after = verifiedUntil(http(), signed, s -> !"VALID".equals(s.get("indication").asString()));
        assertThat(after.get("indication").asString()).isEqualTo("INDETERMINATE");
        assertThat(after.get("subIndication").asString()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(after.get("trustAnchor").isNull()).isTrue();
        assertThat(anchors.get(id).status()).isEqualTo("RETIRED");

        List<String> actions = TestHttp.json(http().basic("admin", ADMIN_PASSWORD).get("/api/v1/audit?after=" + seq
                + "&limit=1000")).valueStream().filter(e -> e.get("action").asString().startsWith("TRUST_ANCHOR"))
                .map(e -> e.get("action").asString() + " " + e.get("actor").asString()).toList();
        assertThat(actions).containsExactly("TRUST_ANCHOR_ADDED admin", "TRUST_ANCHOR_CHANGED admin",
                "TRUST_ANCHOR_CHANGED admin", "TRUST_ANCHOR_RETIRED admin");
        assertAuditChainIntact();
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Issued under", label);
    }

    @Test
    void badAnchorsAndChangesAreClearProblemsInVietnamese() throws Exception {
        TestHttp admin = http().basic("admin", ADMIN_PASSWORD);
        TestPki stranger = TestPki.create();

        HttpResponse<String> notACertificate = admin.postJson("/api/v1/trust-anchors",
                "{\"label\":\"Rác\",\"certificate\":\"aGVsbG8=\"}");
        assertThat(notACertificate.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(notACertificate).get("code").asString()).isEqualTo("NOT_A_CERTIFICATE");
        assertThat(TestHttp.json(notACertificate).get("detail").asString()).contains("chứng thư X.509");
        HttpResponse<String> leaf = admin.postJson("/api/v1/trust-anchors", "{\"label\":\"Người ký\",\"certificate\":\""
                + pem(stranger.signer("Lá", TestPki.KeyType.EC_P256).certificate()).replace("\n", "\\n") + "\"}");
        assertThat(leaf.statusCode()).isEqualTo(422);
        assertThat(TestHttp.json(leaf).get("code").asString()).isEqualTo("NOT_A_CA");
        String rootPem = pem(stranger.root().certificate()).replace("\n", "\\n");
        assertThat(admin.postJson("/api/v1/trust-anchors", "{\"label\":\" \",\"certificate\":\"" + rootPem + "\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/trust-anchors", "{\"label\":\"Gốc\",\"certificate\":\"" + rootPem
                + "\",\"forSignatures\":false,\"forTimestamps\":false}").statusCode()).isEqualTo(400);

        HttpResponse<String> added = admin.postMultipart("/api/v1/trust-anchors", "file", "root.der",
                stranger.root().certificate().getEncoded(), Map.of("label", "CA tỉnh bạn"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode anchor = TestHttp.json(added);
        assertThat(anchor.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(anchor.get("forSignatures").asBoolean()).isTrue();
        assertThat(anchor.get("forTimestamps").asBoolean()).isTrue();
        assertThat(admin.postJson("/api/v1/trust-anchors", "{\"label\":\"Lần hai\",\"certificate\":\"" + rootPem + "\"}")
                .statusCode()).isEqualTo(409);
        long id = anchor.get("id").asLong();
        assertThat(admin.postJson("/api/v1/trust-anchors/" + id + "/retire", "").statusCode()).isEqualTo(200);
        HttpResponse<String> again = admin.putJson("/api/v1/trust-anchors/" + id, "{\"enabled\":true}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestHttp.json(again).get("code").asString()).isEqualTo("RETIRED");
        assertThat(admin.get("/api/v1/trust-anchors/999999").statusCode()).isEqualTo(404);
        assertThat(http().basic(auditor(), USER_PASSWORD).get("/api/v1/trust-anchors").statusCode()).isEqualTo(200);
        assertThat(anchors.get(id).status()).isEqualTo("RETIRED");
    }

    @Test
    void theSettingSeedsAnAnchorOnceAndARetirementOutlastsIt() {
        TestPki seeded = TestPki.create();
        X509Certificate root = seeded.root().certificate();

        anchors.seed(List.of(root));
        anchors.seed(List.of(root));

        List<TrustAnchor> rows = anchors.all().stream().filter(a -> a.sha256().equals(TrustAnchors.sha256(root)))
                .toList();
        assertThat(rows).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo("SETTING");
            assertThat(a.label()).isEqualTo(TrustAnchors.commonName(root));
            assertThat(a.trusted()).isTrue();
        });
        anchors.retire("admin", rows.get(0).id());
        anchors.seed(List.of(root));
        assertThat(anchors.get(rows.get(0).id()).status()).isEqualTo("RETIRED");
    }
}
