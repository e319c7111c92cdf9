package vn.kyso.server.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.KysoServerTest;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;

class VerificationApiTest extends KysoServerTest {

    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path temp;

    @Test
    void anonymousVerificationReturnsTheCliJsonFieldsAndCountsEachSignature() throws Exception {
        // a document signed by a CA kyso does not trust: verification still answers, in amber or red
        TestPki pki = TestPki.create();
        Path unsigned = TestPdfs.onePage(temp.resolve("in.pdf"));
        Path signed = temp.resolve("signed.pdf");
        TestPki.Credential signer = pki.signer("Người ký ngoài", TestPki.KeyType.EC_P256);
        PdfSigner.builder().build().sign(SignRequest.builder(
                InMemorySigningKey.of(signer.privateKey(), signer.chain()), PadesLevel.B_B).build(), unsigned, signed);
        List<DocumentVerified> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof DocumentVerified v) {
                seen.add(v);
            }
        });

        HttpResponse<String> response = http().postMultipart("/api/v1/verifications", "file", "vb.pdf",
                Files.readAllBytes(signed), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = TestHttp.json(response);
        assertThat(json.get("file").asString()).isEqualTo("vb.pdf");
        assertThat(json.has("timestamps")).isTrue();
        JsonNode signature = json.get("signatures").get(0);
        for (String field : List.of("field", "indication", "subIndication", "level", "signer", "certificateSerial",
                "signingTime", "timestampTime", "coversWholeDocument", "modifications", "problems")) {
            assertThat(signature.has(field)).as(field).isTrue();
        }
        assertThat(signature.get("indication").asString()).isNotEqualTo(Indication.VALID.name());
        assertThat(signature.get("colour").asString()).isIn("AMBER", "RED");
        assertThat(signature.get("issuedByKyso").asBoolean()).isFalse();
        assertThat(signature.get("signingTime").asString()).endsWith("+07:00");
        assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(seen).singleElement().satisfies(v -> {
            assertThat(v.signatureField()).isEqualTo(signature.get("field").asString());
            assertThat(v.channel()).isEqualTo("API");
        });
    }

    @Test
    void notAPdfIsA400Problem() {
        HttpResponse<String> response = http().postMultipart("/api/v1/verifications", "file", "x.pdf",
                "hello".getBytes(), Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("NOT_A_PDF");
    }
}
