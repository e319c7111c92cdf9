package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.testpki.TestPki;

class TwoStepSigningApiTest extends SigningTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    PdfVerifier verifier;

    @Test
    void anOutsideKeySignsTheHashAndTheHandleCompletesOnceForItsOwnerOnly() throws Exception {
        Signer officer = newOfficer("token");
        Signer other = newOfficer("khac");
        TestPki pki = TestPki.create();
        TestPki.Credential token = pki.signer("Cán bộ dùng USB token", TestPki.KeyType.EC_P256);

        HttpResponse<byte[]> prepared = post(officer.username(), "/api/v1/signatures/prepare", multipart(
                Map.of("certificateChain", pem(token.chain()), "level", "B"), List.of(Map.entry("file", onePagePdf()))));
        assertThat(prepared.statusCode()).as(text(prepared)).isEqualTo(200);
        JsonNode handle = JSON.readTree(prepared.body());
        assertThat(handle.get("algorithm").asString()).isEqualTo("SHA256withECDSA");
        assertThat(Base64.getDecoder().decode(handle.get("hashToSign").asString())).hasSize(32);

        Signature ecdsa = Signature.getInstance(handle.get("algorithm").asString());
        ecdsa.initSign(token.privateKey());
        ecdsa.update(Base64.getDecoder().decode(handle.get("toBeSigned").asString()));
        Map<String, String> completion = Map.of("handle", handle.get("handle").asString(),
                "signature", Base64.getEncoder().encodeToString(ecdsa.sign()));

        HttpResponse<byte[]> stolen = post(other.username(), "/api/v1/signatures/complete", multipart(completion, List.of()));
        assertThat(SignatureApiTest.problem(stolen, 403).get("code").asString()).isEqualTo("HANDLE_NOT_YOURS");

        HttpResponse<byte[]> signed = post(officer.username(), "/api/v1/signatures/complete", multipart(completion, List.of()));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        SignatureReport report = verifier.verify(signed.body()).signatures().get(0);
        assertThat(report.certificateSerial()).isEqualTo(token.certificate().getSerialNumber().toString(16));
        // the outside CA is not trusted here, but the signature itself must be intact and correct
        assertThat(report.subIndication()).isNotIn(SubIndication.HASH_FAILURE, SubIndication.SIG_CRYPTO_FAILURE,
                SubIndication.FORMAT_FAILURE);

        HttpResponse<byte[]> again = post(officer.username(), "/api/v1/signatures/complete", multipart(completion, List.of()));
        assertThat(SignatureApiTest.problem(again, 409).get("code").asString()).isEqualTo("INVALID_SIGNING_HANDLE");
    }

    @Test
    void preparingWithSomeoneElsesKysoCertificateIsRefused() {
        Signer officer = newOfficer("soan");
        Signer other = newOfficer("nguoikhac");
        X509Certificate theirs = ca.certificate(new BigInteger(other.serial(), 16)).orElseThrow().certificate();

        HttpResponse<byte[]> response = post(officer.username(), "/api/v1/signatures/prepare", multipart(
                Map.of("certificateChain", pem(List.of(theirs))), List.of(Map.entry("file", onePagePdf()))));

        assertThat(SignatureApiTest.problem(response, 403).get("code").asString()).isEqualTo("NOT_YOUR_CERTIFICATE");
    }

    private static String pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate c : chain) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return pem.toString();
    }
}
