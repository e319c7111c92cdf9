package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.key.Pkcs12SigningKey;
import vn.kyso.signing.testpki.ExternalTool;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPdfs;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * A 200 MB PDF signs at B-LTA in a JVM limited to 256 MB of heap (nothing reads the file into
 * memory), and the result verifies as VALID.
 */
class LargeFileSigningTest {

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytePdfSignsWithA256MegabyteHeapAndVerifies() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            Path in = TestPdfs.huge(dir.resolve("huge.pdf"), 200L * 1024 * 1024);
            Path out = dir.resolve("huge-signed.pdf");
            TestPki.Credential c = server.pki().signer("Người ký tệp lớn", TestPki.KeyType.RSA_2048);
            Path p12 = c.writePkcs12(dir.resolve("k.p12"), "changeit".toCharArray());

            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classPath(), ChildMain.class.getName(), in.toString(), out.toString(),
                    p12.toString(), server.tsaUrl().toString()));
            ExternalTool child = ExternalTool.run(cmd);

            assertThat(child.exitCode()).as(child.output()).isZero();
            assertThat(Files.size(in)).isGreaterThanOrEqualTo(200L * 1024 * 1024);
            PadesAssertions.assertPrefix(in, out);
            PadesAssertions.assertQpdfClean(out);
            PadesAssertions.assertPdfsigValid(Pdfsig.trusting(dir, server.pki().root().certificate()), out, 2);

            // The verifier holds the file in memory (it is bounded by maxFileSize instead), so it
            // runs here, in the test JVM, with the embedded validation data only.
            VerificationReport report = PdfVerifier.builder()
                    .trustAnchors(List.of(server.pki().root().certificate()))
                    .maxFileSize(300L * 1024 * 1024).build().verify(out);
            assertThat(report.signatures()).singleElement().satisfies(s -> {
                assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
                assertThat(s.level()).isEqualTo(PadesLevel.B_LTA);
            });
            assertThat(report.timestamps()).singleElement()
                    .satisfies(t -> assertThat(t.indication()).isEqualTo(Indication.VALID));
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Runs in the child JVM. */
    public static final class ChildMain {
        public static void main(String[] args) {
            PdfSigner signer = PdfSigner.builder()
                    .timestampSource(new HttpTimestampSource(java.net.URI.create(args[3]))).build();
            SigningKey key = Pkcs12SigningKey.open(Path.of(args[2]), "changeit".toCharArray());
            signer.sign(SignRequest.builder(key, PadesLevel.B_LTA).build(), Path.of(args[0]), Path.of(args[1]));
            System.out.println("signed; max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
