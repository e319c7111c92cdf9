package vn.kyso.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import vn.kyso.server.TestHttp;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;

/** Documents signed under another CA, and their verification through kyso's API, for the anchor tests. */
public final class AnchoredDocuments {

    private AnchoredDocuments() {
    }

    /** A B-LT document (OCSP response and timestamp inside) signed by a certificate of {@code pki}. */
    public static byte[] signedUnder(TestPkiServer pki, Path dir, String signer) throws Exception {
        Path unsigned = TestPdfs.onePage(dir.resolve("in-" + signer.hashCode() + ".pdf"));
        Path out = dir.resolve("signed-" + signer.hashCode() + ".pdf");
        TestPki.Credential credential = pki.pki().signer(signer, TestPki.KeyType.EC_P256);
        PdfSigner.builder().build().sign(SignRequest.builder(InMemorySigningKey.of(credential.privateKey(),
                credential.chain()), PadesLevel.B_LT).tsaUrl(pki.tsaUrl()).build(), unsigned, out);
        return Files.readAllBytes(out);
    }

    /**
     * The other CA's issuing CA is the anchor: the test PKI's CA certificates name no revocation
     * service, so a path through them to its root could not be proven unrevoked.
     */
    public static X509Certificate anchorOf(TestPkiServer pki) {
        return pki.pki().issuingCa().certificate();
    }

    public static String pem(X509Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** Verifies over the API until {@code done} holds for the first signature, for at most 10 s. */
    public static JsonNode verifiedUntil(TestHttp http, byte[] pdf, Predicate<JsonNode> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode signature;
        do {
            HttpResponse<String> response = http.postMultipart("/api/v1/verifications", "file", "vb.pdf", pdf, Map.of());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            signature = TestHttp.json(response).get("signatures").get(0);
            if (done.test(signature)) {
                return signature;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < end);
        return signature;
    }

    public static boolean trustedUnder(JsonNode signature, String label) {
        return "VALID".equals(signature.get("indication").asString())
                && label.equals(signature.get("trustAnchor").asString(null));
    }
}
