package vn.kyso.server.csc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import vn.kyso.ca.AuditEntry;
import vn.kyso.server.TestHttp;
import vn.kyso.server.security.Role;
import vn.kyso.server.signing.DocumentSigned;
import vn.kyso.server.signing.SigningTestSupport;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;

/**
 * The CSC API v2 as a remote-signing client walks it, over real HTTP, with openssl as the judge
 * of the raw signatures: login, list, info, authorize with the PIN, signHash; a SAD works once
 * and only for its hashes; a wrong PIN counts toward the key's lock like one in the console.
 */
class CscApiTest extends SigningTestSupport {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";

    @TempDir
    Path folder;

    @org.springframework.beans.factory.annotation.Autowired
    PdfVerifier verifier;

    @Test
    void anOfficerSignsAHashThatOpensslVerifiesAgainstTheCertificateFromCredentialsInfo() throws Exception {
        Signer officer = newOfficer("csc");
        int before = events().size();
        long auditMark = lastAuditSeq();

        JsonNode info = TestHttp.json(http().postJson("/csc/v2/info", "{}"));
        assertThat(info.get("specs").asString()).isEqualTo("2.0.0.2");
        assertThat(info.get("methods").toString()).contains("signatures/signHash");

        HttpResponse<String> login = http().basic(officer.username(), USER_PASSWORD).postJson("/csc/v2/auth/login", "{}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = TestHttp.json(login).get("access_token").asString();
        TestHttp csc = http().bearer(token);

        JsonNode list = TestHttp.json(csc.postJson("/csc/v2/credentials/list", "{}"));
        assertThat(list.get("credentialIDs").toString()).contains(officer.serial());

        HttpResponse<String> infoResponse = csc.postJson("/csc/v2/credentials/info",
                "{\"credentialID\":\"" + officer.serial() + "\",\"certificates\":\"chain\",\"certInfo\":true}");
        assertThat(infoResponse.statusCode()).as(infoResponse.body()).isEqualTo(200);
        JsonNode credential = TestHttp.json(infoResponse);
        assertThat(credential.get("authMode").asString()).isEqualTo("explicit");
        assertThat(credential.get("PIN").get("presence").asString()).isEqualTo("true");
        assertThat(credential.get("key").get("len").asInt()).isGreaterThanOrEqualTo(2048);
        assertThat(credential.get("cert").get("certificates").size()).isGreaterThanOrEqualTo(2);
        assertThat(credential.get("cert").get("serialNumber").asString()).isEqualTo(officer.serial());
        Path certificate = pem(credential.get("cert").get("certificates").get(0).asString());

        byte[] document = "Công văn số 15/UBND ngày 07/12/2026".getBytes(StandardCharsets.UTF_8);
        String hash = b64(MessageDigest.getInstance("SHA-256").digest(document));
        String sad = authorize(csc, officer.serial(), PIN, hash);

        HttpResponse<String> signed = signHash(csc, officer.serial(), sad, hash, "1.2.840.113549.1.1.11");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        byte[] signature = Base64.getDecoder().decode(TestHttp.json(signed).get("signatures").get(0).asString());

        assertThat(opensslVerifies(certificate, document, signature, List.of())).isTrue();
        assertThat(opensslVerifies(certificate, "another text".getBytes(StandardCharsets.UTF_8), signature, List.of()))
                .isFalse();
        List<DocumentSigned> published = events().subList(before, events().size()).stream()
                .filter(DocumentSigned.class::isInstance).map(DocumentSigned.class::cast).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(DocumentSigned.Outcome.SIGNED);
            assertThat(e.channel()).isEqualTo(DocumentSigned.Channel.CSC);
            assertThat(e.certificateSerial()).isEqualTo(officer.serial());
            assertThat(e.account()).isEqualTo(officer.username());
        });
        assertThat(ca.auditLog(auditMark, 100)).extracting(AuditEntry::action).contains("CSC_SIGN_HASH");
        assertThat(signed.body()).doesNotContain(PIN);
    }

    @Test
    void aSadIsRefusedTheSecondTimeAndForAHashItWasNotGivenFor() throws Exception {
        Signer officer = newOfficer("cscsad");
        TestHttp csc = loggedIn(officer);
        String hash = b64(MessageDigest.getInstance("SHA-256").digest(new byte[] {1}));
        String other = b64(MessageDigest.getInstance("SHA-256").digest(new byte[] {2}));
        String sad = authorize(csc, officer.serial(), PIN, hash);

        HttpResponse<String> wrongHash = signHash(csc, officer.serial(), sad, other, "1.2.840.113549.1.1.11");
        assertThat(wrongHash.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(wrongHash).get("error").asString()).isEqualTo("invalid_request");
        assertThat(TestHttp.json(wrongHash).get("error_description").asString()).contains("hashes");

        assertThat(signHash(csc, officer.serial(), sad, hash, "1.2.840.113549.1.1.11").statusCode()).isEqualTo(200);

        HttpResponse<String> again = signHash(csc, officer.serial(), sad, hash, "1.2.840.113549.1.1.11");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(again).get("error").asString()).isEqualTo("invalid_request");

        Signer someoneElse = newOfficer("cscother");
        String theirs = authorize(csc, officer.serial(), PIN, hash);
        HttpResponse<String> stolen = signHash(loggedIn(someoneElse), officer.serial(), theirs, hash,
                "1.2.840.113549.1.1.11");
        assertThat(stolen.statusCode()).isEqualTo(400);
    }

    @Test
    void aWrongPinCountsTowardTheKeysLockLikeOneInTheConsole() throws Exception {
        Signer officer = newOfficer("cscpin");
        TestHttp csc = loggedIn(officer);
        String hash = b64(MessageDigest.getInstance("SHA-256").digest(new byte[] {3}));

        HttpResponse<String> wrong = csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\""
                + officer.serial() + "\",\"numSignatures\":1,\"hashes\":[\"" + hash + "\"],\"PIN\":\"999999\"}");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(wrong).get("error").asString()).isEqualTo("invalid_pin");
        assertThat(TestHttp.json(wrong).get("error_description").asString()).contains("4 attempt");
        assertThat(wrong.body()).doesNotContain("999999");
        // the same key's lock, counted on: the API's own activation sees one attempt fewer
        HttpResponse<String> console = http().basic(officer.username(), USER_PASSWORD).postJson(
                "/api/v1/signatures/activations", "{\"pin\":\"999998\",\"signatures\":1}");
        assertThat(TestHttp.json(console).get("attemptsLeft").asInt()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\"" + officer.serial()
                    + "\",\"numSignatures\":1,\"hashes\":[\"" + hash + "\"],\"PIN\":\"99999" + i + "\"}");
        }
        assertThat(ca.isKeyLocked(new java.math.BigInteger(officer.serial(), 16))).isTrue();
        HttpResponse<String> locked = csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\""
                + officer.serial() + "\",\"numSignatures\":1,\"hashes\":[\"" + hash + "\"],\"PIN\":\"" + PIN + "\"}");
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(423);
    }

    @Test
    void rsaPssSignaturesVerifyInOpenssl() throws Exception {
        Signer officer = newOfficer("cscpss");
        TestHttp csc = loggedIn(officer);
        Path certificate = pem(TestHttp.json(csc.postJson("/csc/v2/credentials/info",
                "{\"credentialID\":\"" + officer.serial() + "\"}")).get("cert").get("certificates").get(0).asString());
        byte[] document = "PSS".getBytes(StandardCharsets.UTF_8);
        String hash = b64(MessageDigest.getInstance("SHA-256").digest(document));
        String sad = authorize(csc, officer.serial(), PIN, hash);
        // RSASSA-PSS-params: SHA-256, MGF1 with SHA-256, salt 32 (what every PAdES profile uses)
        String params = b64(new org.bouncycastle.asn1.pkcs.RSASSAPSSparams(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256,
                        org.bouncycastle.asn1.DERNull.INSTANCE),
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_mgf1,
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256,
                                org.bouncycastle.asn1.DERNull.INSTANCE)),
                new org.bouncycastle.asn1.ASN1Integer(32), new org.bouncycastle.asn1.ASN1Integer(1)).getEncoded());

        HttpResponse<String> signed = csc.postJson("/csc/v2/signatures/signHash", "{\"credentialID\":\""
                + officer.serial() + "\",\"SAD\":\"" + sad + "\",\"hashes\":[\"" + hash + "\"],\"hashAlgorithmOID\":\""
                + SHA256 + "\",\"signAlgo\":\"1.2.840.113549.1.1.10\",\"signAlgoParams\":\"" + params + "\"}");

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        byte[] signature = Base64.getDecoder().decode(TestHttp.json(signed).get("signatures").get(0).asString());
        assertThat(opensslVerifies(certificate, document, signature,
                List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"))).isTrue();
    }

    @Test
    void signDocSignsAPdfAtTheLevelAskedUnderASadForOneDocument() throws Exception {
        Signer officer = newOfficer("cscdoc");
        TestHttp csc = loggedIn(officer);
        HttpResponse<String> authorized = csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\""
                + officer.serial() + "\",\"numSignatures\":1,\"PIN\":\"" + PIN + "\"}");
        String sad = TestHttp.json(authorized).get("SAD").asString();
        String body = "{\"credentialID\":\"" + officer.serial() + "\",\"SAD\":\"" + sad + "\",\"documents\":[{"
                + "\"document\":\"" + b64(onePagePdf()) + "\",\"signature_format\":\"P\","
                + "\"conformance_level\":\"AdES-B-T\"}]}";

        HttpResponse<String> signed = csc.postJson("/csc/v2/signatures/signDoc", body);

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        byte[] pdf = Base64.getDecoder().decode(TestHttp.json(signed).get("DocumentWithSignature").get(0).asString());
        SignatureReport report = verifier.verify(pdf).signatures().get(0);
        assertThat(report.indication()).as(report.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(report.level()).isEqualTo(PadesLevel.B_T);
        assertThat(report.certificateSerial()).isEqualTo(officer.serial());
        assertThat(csc.postJson("/csc/v2/signatures/signDoc", body).statusCode()).isEqualTo(400);

        String hashSad = authorize(csc, officer.serial(), PIN, b64(new byte[32]));
        HttpResponse<String> wrongKind = csc.postJson("/csc/v2/signatures/signDoc", body.replace(sad, hashSad));
        assertThat(TestHttp.json(wrongKind).get("error_description").asString()).contains("signHash");
    }

    @Test
    void errorsComeInTheSpecsFormat() {
        HttpResponse<String> anonymous = http().postJson("/csc/v2/credentials/list", "{}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(anonymous).get("error").asString()).isEqualTo("invalid_token");

        HttpResponse<String> notAnOfficer = http().basic(account("csc-auditor", Role.AUDITOR), USER_PASSWORD)
                .postJson("/csc/v2/credentials/list", "{}");
        assertThat(notAnOfficer.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(notAnOfficer).get("error").asString()).isEqualTo("access_denied");

        Signer officer = newOfficer("cscbad");
        TestHttp csc = loggedIn(officer);
        HttpResponse<String> malformed = csc.postJson("/csc/v2/credentials/authorize", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(malformed).get("error").asString()).isEqualTo("invalid_request");
        HttpResponse<String> unknown = csc.postJson("/csc/v2/credentials/info", "{\"credentialID\":\"abc123\"}");
        assertThat(TestHttp.json(unknown).get("error_description").asString()).isEqualTo("Invalid parameter credentialID");
        HttpResponse<String> badAlgo = signHash(csc, officer.serial(), "kysa_nothing", b64(new byte[32]), "1.2.3.4");
        assertThat(badAlgo.statusCode()).isEqualTo(400);
    }

    private TestHttp loggedIn(Signer officer) {
        HttpResponse<String> login = http().basic(officer.username(), USER_PASSWORD).postJson("/csc/v2/auth/login", "{}");
        return http().bearer(TestHttp.json(login).get("access_token").asString());
    }

    private static String authorize(TestHttp csc, String credential, String pin, String hash) {
        HttpResponse<String> response = csc.postJson("/csc/v2/credentials/authorize", "{\"credentialID\":\""
                + credential + "\",\"numSignatures\":1,\"hashes\":[\"" + hash + "\"],\"hashAlgorithmOID\":\"" + SHA256
                + "\",\"PIN\":\"" + pin + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("expiresIn").asLong()).isPositive();
        return TestHttp.json(response).get("SAD").asString();
    }

    private static HttpResponse<String> signHash(TestHttp csc, String credential, String sad, String hash,
            String signAlgo) {
        return csc.postJson("/csc/v2/signatures/signHash", "{\"credentialID\":\"" + credential + "\",\"SAD\":\"" + sad
                + "\",\"hashes\":[\"" + hash + "\"],\"hashAlgorithmOID\":\"" + SHA256 + "\",\"signAlgo\":\"" + signAlgo
                + "\",\"operationMode\":\"S\"}");
    }

    private Path pem(String base64Der) throws IOException {
        Path pem = Files.createTempFile(folder, "cert", ".pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(Base64.getDecoder().decode(base64Der)) + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    /** {@code openssl dgst -sha256 -verify} with the certificate's public key. */
    private boolean opensslVerifies(Path certificate, byte[] data, byte[] signature, List<String> options)
            throws IOException, InterruptedException {
        Path key = folder.resolve("pub-" + System.nanoTime() + ".pem");
        run(List.of("openssl", "x509", "-in", certificate.toString(), "-pubkey", "-noout", "-out", key.toString()));
        Path in = Files.write(folder.resolve("data-" + System.nanoTime()), data);
        Path sig = Files.write(folder.resolve("sig-" + System.nanoTime()), signature);
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "dgst", "-sha256", "-verify", key.toString()));
        command.addAll(options);
        command.addAll(List.of("-signature", sig.toString(), in.toString()));
        return run(command) == 0;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        if (code != 0 && !output.contains("Verification failure")) {
            System.err.println(String.join(" ", command) + ": " + output);
        }
        return code;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
