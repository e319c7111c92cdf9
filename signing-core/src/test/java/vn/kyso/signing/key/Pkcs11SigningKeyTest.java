package vn.kyso.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.testpki.ExternalTool;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * A key generated on a SoftHSM2 token signs through SunPKCS11. SOFTHSM2_CONF is set by surefire
 * to target/softhsm/softhsm2.conf; this test writes that file before the library is loaded.
 */
class Pkcs11SigningKeyTest {

    private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "123456";

    @TempDir
    Path dir;

    @Test
    void keyGeneratedOnSoftHsmSignsAPdfThatPdfsigAccepts() throws Exception {
        Path conf = Path.of(System.getenv().getOrDefault("SOFTHSM2_CONF", "target/softhsm/softhsm2.conf"));
        Path tokens = Files.createDirectories(conf.toAbsolutePath().getParent().resolve("tokens-" + ProcessHandle.current().pid()));
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        ExternalTool.runOk(List.of("softhsm2-util", "--init-token", "--free", "--label", "kyso-test", "--pin", PIN,
                "--so-pin", "654321"));
        ExternalTool.runOk(List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label", "kyso-test",
                "--login", "--pin", PIN, "--keypairgen", "--key-type", "EC:prime256v1", "--id", "01", "--label",
                "signer"));
        Path pubDer = dir.resolve("pub.der");
        ExternalTool.runOk(List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label", "kyso-test",
                "--read-object", "--type", "pubkey", "--id", "01", "--output-file", pubDer.toString()));
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pubDer)));

        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki.Credential cert = server.pki().signerFor("Người dùng token", publicKey);
            Path certDer = Files.write(dir.resolve("cert.der"), cert.certificate().getEncoded());
            ExternalTool.runOk(List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label", "kyso-test",
                    "--login", "--pin", PIN, "--write-object", certDer.toString(), "--type", "cert", "--id", "01",
                    "--label", "signer"));

            Pkcs11SigningKey key = Pkcs11SigningKey.open(MODULE, 0, PIN.toCharArray(), null, cert.issuers());
            Path in = TestPdfs.onePage(dir.resolve("in.pdf"));
            Path out = dir.resolve("token-signed.pdf");
            PdfSigner.builder().timestampSource(new HttpTimestampSource(server.tsaUrl())).build()
                    .sign(SignRequest.builder(key, PadesLevel.B_LT).build(), in, out);

            assertThat(key.certificateChain()).hasSize(3);
            List<Pdfsig.Result> results = Pdfsig.trusting(dir, server.pki().root().certificate()).check(out);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).signatureValid()).isTrue();
            assertThat(results.get(0).certificateTrusted()).isTrue();

            assertThatThrownBy(() -> Pkcs11SigningKey.open(MODULE, 0, "000000".toCharArray(), null, List.of()))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.code()).isEqualTo(SigningException.ErrorCode.KEY_UNAVAILABLE);
                        assertThat(e.getMessage()).doesNotContain("000000");
                    });
        }
    }
}
