package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Locale;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.CaFootprint;
import vn.kyso.server.TestHttp;

/** The CA through its URLs, checked by openssl as the relying party. */
class CaOverHttpTest extends CaHttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.kyso.ca.CertificateAuthority ca;

    @Test
    void ocspSaysGoodThenRevokedWithReasonAndTheCrlListsTheSerial() throws IOException {
        String serial = issueFromOpensslCsr("079201001111");
        fetchChain();

        Peer verify = Peer.run(dir, "openssl", "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "cert.pem");
        assertThat(verify.ok().output()).contains("cert.pem: OK");

        Peer good = ocsp();
        assertThat(good.output()).contains("cert.pem: good").contains("Response verify OK").doesNotContain("WARNING");

        HttpResponse<String> revoked = admin().postJson("/api/v1/certificates/" + serial + "/revoke",
                "{\"reason\":\"keyCompromise\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(TestHttp.json(revoked).get("status").asString()).isEqualTo("REVOKED");

        Peer afterRevocation = ocsp();
        assertThat(afterRevocation.output()).contains("cert.pem: revoked").contains("Reason: keyCompromise")
                .doesNotContain("WARNING");

        long first = TestHttp.json(admin().postJson("/api/v1/crl", "")).get("crlNumber").asLong();
        Files.write(dir.resolve("crl.der"), http().getBytes("/crl/issuing.crl").body());
        Peer crl = Peer.run(dir, "openssl", "crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "issuing.pem",
                "-text", "-noout").ok();
        assertThat(crl.output().toUpperCase(Locale.ROOT).replace(":", ""))
                .contains(serial.toUpperCase(Locale.ROOT));
        assertThat(crl.output()).contains("Key Compromise").contains("verify OK");
        long second = TestHttp.json(admin().postJson("/api/v1/crl", "")).get("crlNumber").asLong();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void theRootCrlIsServedSignedByTheRootAndChecksTheWholeChainWithTheIssuingCrl() throws IOException {
        String serial = issueFromOpensslCsr("079201009191");
        fetchChain();
        HttpResponse<byte[]> root = http().getBytes("/crl/root.crl");
        assertThat(root.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        Files.write(dir.resolve("root-crl.der"), root.body());
        Files.write(dir.resolve("issuing-crl.der"), http().getBytes("/crl/issuing.crl").body());
        Peer text = Peer.run(dir, "openssl", "crl", "-inform", "DER", "-in", "root-crl.der", "-CAfile", "root.pem",
                "-text", "-noout").ok();
        assertThat(text.output()).contains("verify OK", "kyso Root CA").containsIgnoringCase("CRL Number");
        Peer.run(dir, "openssl", "crl", "-inform", "DER", "-in", "root-crl.der", "-out", "root-crl.pem").ok();
        Peer.run(dir, "openssl", "crl", "-inform", "DER", "-in", "issuing-crl.der", "-out", "issuing-crl.pem").ok();

        Peer verify = Peer.run(dir, "openssl", "verify", "-crl_check_all", "-CAfile", "root.pem", "-untrusted",
                "issuing.pem", "-CRLfile", "root-crl.pem", "-CRLfile", "issuing-crl.pem", "cert.pem");

        assertThat(verify.output()).as(serial).contains("cert.pem: OK");
    }

    @Test
    void ocspGetWithTheRequestInThePathAnswersToo() throws IOException {
        String serial = issueFromOpensslCsr("079201002222");
        fetchChain();
        admin().postJson("/api/v1/certificates/" + serial + "/suspend", "");
        // with a nonce each request differs: make one whose base64 holds a '/', the hard case for URLs
        String base64 = "";
        for (int i = 0; i < 40 && !base64.contains("/"); i++) {
            Peer.run(dir, "openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "cert.pem", "-reqout", "req.der").ok();
            base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("req.der")));
        }
        assertThat(base64).contains("/");
        String encoded = URLEncoder.encode(base64, StandardCharsets.US_ASCII);
        HttpResponse<byte[]> response = http().getBytes("/ocsp/" + encoded);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        Files.write(dir.resolve("resp.der"), response.body());
        Peer parsed = Peer.run(dir, "openssl", "ocsp", "-respin", "resp.der", "-resp_text", "-noverify").ok();
        assertThat(parsed.output()).contains("Cert Status: revoked").contains("Revocation Reason: certificateHold");
    }

    @Test
    void timestampFromTheTsaVerifiesWithOpenssl() throws IOException {
        fetchChain();
        Files.writeString(dir.resolve("doc.txt"), "Công văn số 123/UBND-VP");
        Peer.run(dir, "openssl", "ts", "-query", "-data", "doc.txt", "-sha256", "-cert", "-out", "q.tsq").ok();
        HttpResponse<byte[]> reply = http().postBytes("/tsa", "application/timestamp-query",
                Files.readAllBytes(dir.resolve("q.tsq")));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        Files.write(dir.resolve("r.tsr"), reply.body());
        Peer verify = Peer.run(dir, "openssl", "ts", "-verify", "-in", "r.tsr", "-queryfile", "q.tsq", "-CAfile",
                "chain.pem");
        assertThat(verify.output()).contains("Verification: OK");
    }

    @Test
    void renewalIssuesANewCertificateAndSupersedesTheOld() throws IOException {
        String serial = issueFromOpensslCsr("079201007777");
        HttpResponse<String> renewed = admin().postJson("/api/v1/certificates/" + serial + "/renew", "");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
        String next = TestHttp.json(renewed).get("serial").asString();
        assertThat(next).isNotEqualTo(serial);
        JsonNode old = TestHttp.json(admin().get("/api/v1/certificates/" + serial));
        assertThat(old.get("status").asString()).isEqualTo("REVOKED");
        assertThat(old.get("revocationReason").asString()).isEqualTo("SUPERSEDED");
        long subscriber = TestHttp.json(renewed).get("subscriberId").asLong();
        HttpResponse<String> all = admin().postJson("/api/v1/subscribers/" + subscriber + "/revoke-all",
                "{\"reason\":\"affiliationChanged\"}");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(TestHttp.json(all).findValuesAsString("serial")).containsExactly(next);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        HttpResponse<String> docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = TestHttp.json(docs).get("paths");
        assertThat(paths.has("/api/v1/certificates")).isTrue();
        assertThat(paths.has("/api/v1/certificates/{serial}/revoke")).isTrue();
        assertThat(paths.has("/api/v1/subscribers/officers")).isTrue();
        assertThat(paths.has("/api/v1/audit/verification")).isTrue();
        assertThat(paths.has("/api/v1/tokens")).isTrue();
        assertThat(paths.has("/ocsp")).as("protocol endpoints are not part of the REST API").isFalse();
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void caCertificatesAreServedInDerAndPemToAnyone() {
        HttpResponse<byte[]> der = http().getBytes("/ca/root.crt");
        assertThat(der.statusCode()).isEqualTo(200);
        assertThat(der.headers().firstValue("Content-Type")).contains("application/pkix-cert");
        assertThat(der.body()[0]).isEqualTo((byte) 0x30);
        assertThat(http().get("/ca/issuing.pem").body()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(http().get("/ca/other.crt").statusCode()).isEqualTo(404);
    }

    @Test
    void badProtocolInputGetsTheProtocolsOwnError() throws Exception {
        for (byte[] notAnOcspRequest : new byte[][] {"not DER".getBytes(StandardCharsets.US_ASCII), new byte[0]}) {
            HttpResponse<byte[]> ocsp = http().postBytes("/ocsp", "application/ocsp-request", notAnOcspRequest);
            assertThat(ocsp.statusCode()).isEqualTo(200);
            assertThat(new OCSPResp(ocsp.body()).getStatus()).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
            Files.write(dir.resolve("bad.der"), ocsp.body());
            assertThat(Peer.run(dir, "openssl", "ocsp", "-respin", "bad.der", "-resp_text", "-noverify").output())
                    .contains("malformedrequest (1)");
        }
        for (byte[] notATimestampQuery : new byte[][] {new byte[0], "not DER".getBytes(StandardCharsets.US_ASCII)}) {
            HttpResponse<byte[]> tsa = http().postBytes("/tsa", "application/timestamp-query", notATimestampQuery);
            assertThat(tsa.statusCode()).isEqualTo(200);
            TimeStampResponse reply = new TimeStampResponse(tsa.body());
            assertThat(reply.getStatus()).isEqualTo(PKIStatus.REJECTION);
            assertThat(reply.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
            assertThat(reply.getTimeStampToken()).isNull();
            Files.write(dir.resolve("bad.tsr"), tsa.body());
            assertThat(Peer.run(dir, "openssl", "ts", "-reply", "-in", "bad.tsr", "-text").output())
                    .contains("Status: Rejected").contains("the data submitted has the wrong format");
        }
    }

    @Test
    void badApiInputIsAClear4xxAndWritesNothing() throws Exception {
        long subscriber = officer("079201003333");
        String serial = issueFromOpensslCsr("079201003434");
        String csr = opensslCsr("valid");
        // valid structure, signature no longer matches the key: openssl (the peer) agrees on both
        byte[] tampered = Base64.getMimeDecoder().decode(csr.replaceAll("-----[A-Z ]+-----", "").strip());
        tampered[tampered.length - 1] ^= 0x01;
        Files.write(dir.resolve("tampered.der"), tampered);
        assertThat(Peer.run(dir, "openssl", "req", "-inform", "DER", "-in", "tampered.der", "-noout", "-verify")
                .output()).contains("verify failure").doesNotContain("unable to load");
        String tamperedCsr = Base64.getEncoder().encodeToString(tampered);
        String issuingCa = certificate(http().getBytes("/ca/issuing.crt").body()).getSerialNumber().toString(16);
        CaFootprint before = CaFootprint.of(admin());

        assertCode(issue(subscriber, "personal", "bm90IGEgQ1NS"), 400, "MALFORMED_CSR");
        assertCode(issue(subscriber, "nope", csr), 400, "UNKNOWN_PROFILE");
        assertCode(issue(subscriber, "personal", tamperedCsr), 400, "CSR_SIGNATURE_INVALID");
        assertCode(issue(subscriber, "agency", csr), 422, "PROFILE_MISMATCH");
        assertCode(issue(987654321L, "personal", csr), 404, "UNKNOWN_SUBSCRIBER");
        assertCode(admin().postJson("/api/v1/certificates/" + serial + "/rekey", "{\"csr\":" + quote(tamperedCsr) + "}"),
                400, "CSR_SIGNATURE_INVALID");
        assertCode(admin().postJson("/api/v1/certificates/abcdef0123/revoke", "{\"reason\":\"keyCompromise\"}"), 404,
                "UNKNOWN_CERTIFICATE");
        assertCode(admin().postJson("/api/v1/certificates/abcdef0123/suspend", ""), 404, "UNKNOWN_CERTIFICATE");
        assertCode(admin().get("/api/v1/certificates/zz-not-hex"), 404, "UNKNOWN_CERTIFICATE");
        assertCode(revoke(serial, "because"), 400, "INVALID_REVOCATION_REASON");
        assertCode(revoke(serial, "7"), 400, "INVALID_REVOCATION_REASON"); // RFC 5280 leaves code 7 unused
        assertCode(revoke(serial, "removeFromCRL"), 409, "REVOCATION_REFUSED");
        assertCode(revoke(issuingCa, "keyCompromise"), 409, "REVOCATION_REFUSED");
        assertCode(admin().postJson("/api/v1/certificates/" + serial + "/release", ""), 409, "INVALID_STATUS");
        assertCode(admin().postJson("/api/v1/subscribers/officers",
                "{\"fullName\":\"A\",\"positionTitle\":\"B\",\"cccd\":\"12\",\"email\":\"a@b.vn\",\"unitCode\":\"X\"}"),
                400, "INVALID_REQUEST");

        before.assertNothingWritten();
        assertThat(TestHttp.json(admin().get("/api/v1/certificates/" + serial)).get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void officerCannotIssueOrRevokeAndAuditorChangesNothing() throws IOException {
        String serial = issueFromOpensslCsr("079201004444");
        String csr = Files.readString(dir.resolve("req.pem"));
        TestHttp officer = http().basic(officer(), USER_PASSWORD);
        TestHttp auditor = http().basic(auditor(), USER_PASSWORD);
        for (TestHttp user : new TestHttp[] {officer, auditor}) {
            assertThat(user.postJson("/api/v1/certificates", "{\"subscriberId\":1,\"profile\":\"personal\",\"csr\":"
                    + quote(csr) + "}").statusCode()).isEqualTo(403);
            assertThat(user.postJson("/api/v1/certificates/" + serial + "/revoke", "{\"reason\":\"keyCompromise\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(user.postJson("/api/v1/certificates/" + serial + "/suspend", "").statusCode()).isEqualTo(403);
            assertThat(user.postJson("/api/v1/crl", "").statusCode()).isEqualTo(403);
            assertThat(user.postJson("/api/v1/units", "{}").statusCode()).isEqualTo(403);
        }
        assertThat(officer.get("/api/v1/certificates/" + serial).statusCode()).isEqualTo(403);
        assertThat(auditor.get("/api/v1/certificates/" + serial).statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(admin().get("/api/v1/certificates/" + serial)).get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(http().get("/api/v1/certificates").statusCode()).isEqualTo(401);
    }

    @Test
    void auditLogRecordsWhoDidWhatAndItsChainVerifies() throws IOException {
        issueFromOpensslCsr("079201005555");
        TestHttp auditor = http().basic(auditor(), USER_PASSWORD);
        JsonNode entries = TestHttp.json(auditor.get("/api/v1/audit?limit=1000"));
        assertThat(entries.findValuesAsString("action")).contains("OFFICER_REGISTERED");
        assertThat(entries.findValuesAsString("actor")).contains("admin");
        JsonNode verification = TestHttp.json(auditor.get("/api/v1/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).isTrue();
    }

    @Test
    void custodyIssuanceIgnoresAPinInTheBodyAndNeverEchoesIt() {
        long subscriber = officer("079201006666");
        HttpResponse<String> issued = admin().postJson("/api/v1/certificates/custody",
                "{\"subscriberId\":" + subscriber + ",\"profile\":\"personal\",\"pin\":\"246810\",\"allowExport\":false}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(TestHttp.json(issued).get("custodyKey").asBoolean()).isTrue();
        assertThat(issued.body()).doesNotContain("246810");
        assertThat(ca.pinChosen(new java.math.BigInteger(TestHttp.json(issued).get("serial").asString(), 16))).isFalse();
    }
}
