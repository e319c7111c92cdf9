package vn.kyso.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;

/** {@code kyso sign --level LT/LTA} against the test PKI's TSA and OCSP responder, then {@code kyso verify}. */
class LongTermEndToEndTest {

    private static final Map<String, String> ENV = Map.of("KYSO_P12_PASSWORD", "Mat-khau-42!");

    @TempDir
    static Path dir;

    static TestPkiServer server;
    static Path trust;

    @BeforeAll
    static void start() throws IOException, CertificateEncodingException {
        server = TestPkiServer.start();
        // The issuing CA is trusted too: the test PKI's CA certificates name no OCSP or CRL URL, so
        // no revocation data for the CA itself can be embedded or fetched.
        trust = Files.writeString(dir.resolve("trust.pem"), pem(server.pki().root().certificate().getEncoded())
                + pem(server.pki().issuingCa().certificate().getEncoded()));
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path key(String name) {
        return server.pki().signer(name, TestPki.KeyType.EC_P256)
                .writePkcs12(dir.resolve(name.hashCode() + ".p12"), "Mat-khau-42!".toCharArray());
    }

    @Test
    void ltaBatchVerifiesOfflineAsValidWithItsTimestamps() throws IOException {
        Path a = SignEndToEndTest.pdf(dir.resolve("a.pdf"), "Van ban A");
        Path b = SignEndToEndTest.pdf(dir.resolve("b.pdf"), "Van ban B");
        Path out = dir.resolve("lta");
        CliRun signed = CliRun.run(ENV, Backends.library(), "sign", "--key", key("Văn Thư").toString(),
                "--key-password-env", "KYSO_P12_PASSWORD", "--level", "LTA", "--tsa", server.tsaUrl().toString(),
                "--out-dir", out.toString(), a.toString(), b.toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();

        // B-LTA carries its own validation data: offline verification must need nothing else.
        CliRun verified = CliRun.run(Map.of(), Backends.library(), "verify", "--trust", trust.toString(), "--offline",
                "--format", "json", out.resolve("a.pdf").toString(), out.resolve("b.pdf").toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        for (String line : verified.out().lines().toList()) {
            JsonNode report = JsonMapper.builder().build().readTree(line);
            JsonNode signature = report.get("signatures").get(0);
            assertThat(signature.get("indication").asString()).isEqualTo("VALID");
            assertThat(signature.get("level").asString()).isEqualTo("B-LTA");
            assertThat(signature.get("timestampTime").isNull()).isFalse();
            assertThat(signature.get("modifications").asString()).isEqualTo("ALLOWED");
            assertThat(report.get("timestamps").get(0).get("indication").asString()).isEqualTo("VALID");
        }
    }

    @Test
    void revokedCertificateStopsTheBatchWithOneLine() throws IOException {
        Path keyFile = key("Bị Thu Hồi");
        java.security.KeyStore ks;
        try (var in = Files.newInputStream(keyFile)) {
            ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, "Mat-khau-42!".toCharArray());
            server.revoke((java.security.cert.X509Certificate) ks.getCertificate("signer"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Path a = SignEndToEndTest.pdf(dir.resolve("r1.pdf"), "1");
        Path b = SignEndToEndTest.pdf(dir.resolve("r2.pdf"), "2");
        CliRun run = CliRun.run(ENV, Backends.library(), "sign", "--key", keyFile.toString(), "--key-password-env",
                "KYSO_P12_PASSWORD", "--level", "LT", "--tsa", server.tsaUrl().toString(), "--out-dir",
                dir.resolve("revoked").toString(), a.toString(), b.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("r1.pdf", "thu hồi").doesNotContain("r2.pdf:", "Exception");
        assertThat(dir.resolve("revoked").resolve("r1.pdf")).doesNotExist();
    }
}
